// The console's day (lib/domain/console/tableau-de-bord.ts): today's services lieu by lieu, the absences
// declared today and those to follow up, the invoices past due, the demandes waiting, then the chart of the
// weeks around today. Every number leads to the page where the work is done.
import Link from "next/link";
import type { ReactNode } from "react";
import { euros } from "@/lib/argent/argent";
import { jourEnClair } from "@/lib/temps/jours";
import type { JourneeConsole as Journee } from "@/lib/domain/console/tableau-de-bord";
import { GraphiqueJours } from "./GraphiqueJours";

const majuscule = (texte: string) => texte.replace(/^./, (c) => c.toUpperCase());
const periode = (debut: string, fin: string) =>
  debut === fin ? `le ${jourEnClair(debut)}` : `du ${jourEnClair(debut)} au ${jourEnClair(fin)}`;

function Bloc({ id, titre, children }: { id: string; titre: string; children: ReactNode }) {
  return (
    <section className="carte" aria-labelledby={id}>
      <h2 id={id} className="mb-4 text-lg font-bold uppercase">
        {titre}
      </h2>
      {children}
    </section>
  );
}

export function JourneeConsole({
  journee,
  libellesDemandes,
}: {
  journee: Journee;
  /** each démarche's label (the registry's) */
  libellesDemandes: Record<string, string>;
}) {
  const { aujourdhui, jour, absencesDeclarees, aSuivre, impayees, demandes, graphique } = journee;
  const total = (cle: "reserves" | "presents" | "absents" | "nonPointes") => jour.reduce((s, l) => s + l[cle], 0);
  const enAttente = demandes.reduce((s, d) => s + d.nombre, 0);
  return (
    <>
      <Bloc id="services-du-jour" titre={`Services du jour — ${jourEnClair(aujourdhui)}`}>
        {jour.length === 0 ? (
          <p>Aucun service n&apos;est ouvert aujourd&apos;hui.</p>
        ) : (
          <div
            role="region"
            aria-label="Réservés et pointés par lieu et unité"
            tabIndex={0}
            className="overflow-x-auto"
          >
            <table className="w-full min-w-[36rem] border-collapse text-left">
              <caption className="sr-only">Enfants réservés et pointés aujourd&apos;hui, par lieu et unité</caption>
              <thead>
                <tr className="border-b-2 border-stone-300">
                  {["Lieu", "Unité", "Réservés", "Présents", "Absents", "Non pointés"].map((titre, i) => (
                    <th key={titre} scope="col" className={`p-2 ${i > 1 ? "text-right" : ""}`}>
                      {titre}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {jour.map((l) => (
                  <tr key={`${l.lieuId}-${l.uniteId}`} className="border-b border-stone-200">
                    <th scope="row" className="p-2 font-normal">
                      <Link href={`/agent/pointage?date=${aujourdhui}&lieu=${l.lieuId}`}>
                        {l.lieu} <span className="sr-only">— {l.activite}</span>
                      </Link>
                    </th>
                    <td className="p-2">{l.unite}</td>
                    <td className="p-2 text-right">{l.reserves}</td>
                    <td className="p-2 text-right">{l.presents}</td>
                    <td className="p-2 text-right">{l.absents}</td>
                    <td className="p-2 text-right">{l.nonPointes}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 border-stone-300 font-semibold">
                  <th scope="row" colSpan={2} className="p-2">
                    Total
                  </th>
                  <td className="p-2 text-right">{total("reserves")}</td>
                  <td className="p-2 text-right">{total("presents")}</td>
                  <td className="p-2 text-right">{total("absents")}</td>
                  <td className="p-2 text-right">{total("nonPointes")}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Bloc>

      <div className="grid gap-6 lg:grid-cols-2">
        <Bloc id="absences-du-jour" titre={`Absences déclarées aujourd'hui (${absencesDeclarees.length})`}>
          {absencesDeclarees.length === 0 ? (
            <p>Aucune absence déclarée aujourd&apos;hui.</p>
          ) : (
            <ul className="space-y-2">
              {absencesDeclarees.map((a) => (
                <li key={a.numero}>
                  <Link href={`/agent/demandes/${a.numero}`}>
                    {a.enfant}, {periode(a.debut, a.fin)}
                  </Link>
                  {a.maladeCeMatin && " — malade ce matin"}
                  {a.justificatifRecu ? " — justificatif reçu" : " — justificatif attendu"}
                </li>
              ))}
            </ul>
          )}
        </Bloc>

        <Bloc id="absences-a-suivre" titre={`Absences non justifiées à suivre (${aSuivre.length})`}>
          <p className="mb-2 text-sm">
            Enfants pointés absents un jour réservé, sans absence déclarée, ces 14 derniers jours.
          </p>
          {aSuivre.length === 0 ? (
            <p>Aucune absence à suivre.</p>
          ) : (
            <ul className="space-y-2">
              {aSuivre.map((a) => (
                <li key={`${a.familleId}-${a.enfant}-${a.date}-${a.unite}`}>
                  <Link href={`/agent/familles/${a.familleId}`}>{a.enfant}</Link>, absent(e){" "}
                  {a.date === aujourdhui ? "aujourd'hui" : `le ${jourEnClair(a.date)}`} ({a.lieu}, {a.unite})
                </li>
              ))}
            </ul>
          )}
        </Bloc>

        <Bloc id="factures-echues" titre="Factures échues">
          <p>
            {impayees.nombre === 0 ? (
              "Aucune facture échue ne reste à payer."
            ) : (
              <Link href="/agent/paiements/relances">
                {impayees.nombre} facture{impayees.nombre > 1 ? "s" : ""} échue{impayees.nombre > 1 ? "s" : ""}, reste
                dû {euros(impayees.resteCentimes)}
              </Link>
            )}
          </p>
        </Bloc>

        <Bloc id="demandes-en-attente" titre={`Demandes à traiter (${enAttente})`}>
          {demandes.length === 0 ? (
            <p>Aucune demande à traiter.</p>
          ) : (
            <ul className="space-y-2">
              {demandes.map((d) => (
                <li key={d.type}>
                  <Link href={`/agent/demandes?type=${d.type}&statut=DEPOSEE`}>
                    {majuscule(libellesDemandes[d.type] ?? d.type)} : {d.nombre}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Bloc>
      </div>

      <Bloc id="semaines" titre="Repas et garderie, deux semaines avant et après">
        <GraphiqueJours jours={graphique} aujourdhui={aujourdhui} />
      </Bloc>
    </>
  );
}
