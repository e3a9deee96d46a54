import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { requireAgent } from "@/lib/auth/current";
import { euros } from "@/lib/argent/argent";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import { parametresPrelevement, TRANSMISSIONS } from "@/lib/domain/prelevement/parametres";
import { runsDuMois } from "@/lib/domain/prelevement/run";
import { apercuDuMois, type Apercu } from "@/lib/domain/prelevement/run-apercu";
import { dateHeure } from "@/lib/temps/dates";
import { dateDeJour, jourParis } from "@/lib/temps/jours";
import { maintenant } from "@/lib/web/horloge";
import { lancerRunAction, voirMoisAction } from "./actions";

export const metadata = { title: "Prélèvements" };

const MOIS = /^\d{4}-(0[1-9]|1[0-2])$/;
const AFFICHES = 300;

// The month's debit run (ADMIN): choose an invoiced month, read the debits it would present and the families left
// out with the reason, launch it, then download its pain.008 file when the commune sends the file itself.
export default async function PrelevementsPage({
  searchParams,
}: {
  searchParams: Promise<{ mois?: string; run?: string }>;
}) {
  await requireAgent("ADMIN");
  const parametres = await searchParams;
  const now = await maintenant();
  const [annee, mois] = jourParis(now).split("-").map(Number) as [number, number];
  const precedent = mois === 1 ? `${annee - 1}-12` : `${annee}-${String(mois - 1).padStart(2, "0")}`;
  const choisi = parametres.mois && MOIS.test(parametres.mois) ? parametres.mois : precedent;
  const [reglages, apercu, runs] = await Promise.all([
    parametresPrelevement(),
    apercuDuMois(`${choisi}-01`, now),
    runsDuMois(`${choisi}-01`),
  ]);
  const lance = parametres.run ? runs.find((r) => r.id === parametres.run) : undefined;
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-2">
          Prélèvements automatiques
        </h1>
        <p className="mb-2">
          Après la facturation d&apos;un mois, présentez les prélèvements des familles qui ont un mandat actif : chaque
          facture est prélevée à la date annoncée sur la facture (pré-notification).
        </p>
        <p className="mb-4">
          Transmission : <strong>{TRANSMISSIONS[reglages.transmission]}</strong>.{" "}
          <Link href="/agent/prelevements/parametres">Paramètres du prélèvement</Link> ·{" "}
          <Link href="/agent/prelevements/rejets">Saisir les rejets de la banque</Link>
        </p>
        {!reglages.actif && (
          <Alert kind="info" title="Le prélèvement automatique n'est pas proposé aux familles (voir les paramètres)." />
        )}
        <ActionForm
          action={voirMoisAction}
          bouton="Voir les prélèvements du mois"
          champs={[{ kind: "texte", name: "mois", label: "Mois facturé", type: "month", required: true }]}
          valeurs={{ mois: choisi }}
        />
      </section>
      {lance && (
        <Alert
          kind="succes"
          reponse
          title={`Prélèvements lancés : ${lance.nombre} pour ${euros(lance.montantCentimes)}.`}
        >
          {lance.transmission === "FICHIER_SEPA"
            ? "Téléchargez le fichier SEPA ci-dessous et déposez-le sur le site de votre banque."
            : "Le comptable public prélèvera ces factures à partir des titres PES."}
        </Alert>
      )}
      <Runs mois={choisi} runs={runs} />
      <Debits apercu={apercu} mois={choisi} />
      <Exclus apercu={apercu} />
    </div>
  );
}

function Runs({ mois, runs }: { mois: string; runs: Awaited<ReturnType<typeof runsDuMois>> }) {
  if (runs.length === 0) return null;
  return (
    <section className="carte" aria-labelledby="runs">
      <h2 id="runs" className="mb-2 text-lg font-bold uppercase">
        Prélèvements lancés pour {moisEnClair(`${mois}-01`).toLowerCase()}
      </h2>
      <ul className="space-y-2">
        {runs.map((r) => (
          <li key={r.id}>
            {dateHeure(r.creeLe)} : {r.nombre} prélèvement{r.nombre > 1 ? "s" : ""} pour {euros(r.montantCentimes)}, le{" "}
            {dateFr(r.datePrelevement)}
            {r.transmission === "FICHIER_SEPA" && (
              <>
                {" — "}
                <a href={`/agent/prelevements/runs/${r.id}/export`} download>
                  Télécharger le fichier SEPA (pain.008)
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Debits({ apercu, mois }: { apercu: Apercu; mois: string }) {
  const { debits } = apercu;
  return (
    <section className="carte" aria-labelledby="debits">
      <h2 id="debits" className="mb-2 text-lg font-bold uppercase">
        À prélever : {debits.length} facture{debits.length > 1 ? "s" : ""}, {euros(apercu.totalCentimes)}
      </h2>
      {debits.length === 0 ? (
        <p>Aucun prélèvement à présenter pour ce mois.</p>
      ) : (
        <>
          <div role="region" aria-label="Prélèvements à présenter" tabIndex={0} className="mb-4 overflow-x-auto">
            <table className="w-full min-w-[44rem] border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-stone-300">
                  {["Famille", "Facture", "RUM", "Séquence", "Montant", "Date"].map((t) => (
                    <th key={t} scope="col" className="p-2">
                      {t}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {debits.slice(0, AFFICHES).map((d) => (
                  <tr key={d.prelevementId} className="border-b border-stone-200">
                    <th scope="row" className="p-2">
                      {d.destinataire}
                    </th>
                    <td className="p-2">
                      <Link href={`/agent/facturation/factures/${d.numero}`}>{d.numero}</Link>
                    </td>
                    <td className="p-2">{d.rum}</td>
                    <td className="p-2">{d.sequence === "FRST" ? "Premier (FRST)" : "Récurrent (RCUR)"}</td>
                    <td className="p-2 whitespace-nowrap">{euros(d.montantCentimes)}</td>
                    <td className="p-2">{dateFr(dateDeJour(d.datePrelevement))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {debits.length > AFFICHES && <p className="mb-4">Les {AFFICHES} premiers sont affichés.</p>}
          <ActionForm action={lancerRunAction} bouton="Lancer les prélèvements" champs={[]} cachees={{ mois }} />
        </>
      )}
    </section>
  );
}

function Exclus({ apercu }: { apercu: Apercu }) {
  if (apercu.exclus.length === 0) return null;
  return (
    <section className="carte" aria-labelledby="exclus">
      <h2 id="exclus" className="mb-2 text-lg font-bold uppercase">
        Non prélevées : {apercu.exclus.length} facture{apercu.exclus.length > 1 ? "s" : ""}
      </h2>
      <div role="region" aria-label="Factures non prélevées" tabIndex={0} className="overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-stone-300">
              {["Famille", "Facture", "RUM", "Motif"].map((t) => (
                <th key={t} scope="col" className="p-2">
                  {t}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {apercu.exclus.slice(0, AFFICHES).map((e) => (
              <tr key={e.numero} className="border-b border-stone-200">
                <th scope="row" className="p-2">
                  {e.destinataire}
                </th>
                <td className="p-2">
                  <Link href={`/agent/facturation/factures/${e.numero}`}>{e.numero}</Link>
                </td>
                <td className="p-2">{e.rum}</td>
                <td className="p-2">{e.motif}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
