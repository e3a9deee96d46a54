import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { euros } from "@/lib/argent/argent";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import { fichierBordereau } from "@/lib/domain/pes/fichier";
import { bordereauDetail } from "@/lib/domain/pes/queries";
import { LIBELLES_STATUT } from "@/lib/domain/pes/reponses";
import { jourDeDate } from "@/lib/temps/jours";
import { importerReponsesAction, marquerTitreAction } from "../actions";
import { ImportReponses } from "./ImportReponses";

export const metadata = { title: "Bordereau PES" };

// Administrators: one bordereau, its file (or why it is refused), its titles with the comptable's answers, entered
// by hand or imported from a CSV.
export default async function BordereauPage({ params }: { params: Promise<{ bordereau: string }> }) {
  await requireAgent("ADMIN");
  const { bordereau: id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const b = await bordereauDetail(id);
  if (!b) notFound();
  const fichier = await fichierBordereau(id);
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-2">
          Bordereau {b.exer} n° {b.numero}
        </h1>
        <p className="mb-2">
          {moisEnClair(jourDeDate(b.mois))}, créé le {dateFr(b.creeLe)} : {b.nombrePieces} pièce
          {b.nombrePieces > 1 ? "s" : ""} pour {euros(b.montantCentimes)}.
        </p>
        {fichier?.ok ? (
          <p>
            <a href={`/agent/pes/${b.id}/fichier`} className="bouton no-underline" download>
              Télécharger le fichier PES
            </a>{" "}
            <span className="text-sm">({b.nomFichier}, encodé en ISO-8859-1)</span>
          </p>
        ) : (
          <div role="alert" className="border-l-4 border-red-700 pl-3">
            <p className="font-semibold">Le fichier PES est refusé :</p>
            <ul className="list-disc pl-6">
              {(fichier && !fichier.ok ? fichier.raisons : []).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        )}
        <p className="mt-2">
          <Link href="/agent/pes">Retour aux titres de recettes</Link>
        </p>
      </section>
      <section className="carte" aria-labelledby="reponse">
        <h2 id="reponse" className="mb-2 text-lg font-bold uppercase">
          Réponse du comptable pour un titre
        </h2>
        <ActionForm
          action={marquerTitreAction}
          bouton="Enregistrer la réponse"
          cachees={{ bordereauId: b.id }}
          champs={[
            { kind: "texte", name: "numero", label: "Numéro de facture, d'avoir ou de pièce (IdPce)", required: true },
            {
              kind: "choix",
              name: "etat",
              label: "Réponse",
              required: true,
              options: { PRIS_EN_CHARGE: "Pris en charge", REJETE: "Rejeté", RECOUVRE: "Recouvré" },
            },
            { kind: "texte", name: "motif", label: "Motif du rejet", hint: "Pour un titre rejeté." },
            {
              kind: "texte",
              name: "montant",
              label: "Montant recouvré (€)",
              hint: "Pour un titre recouvré : il est porté au compte de la famille.",
            },
            { kind: "texte", name: "date", label: "Date du recouvrement", type: "date" },
          ]}
        />
      </section>
      <section className="carte" aria-labelledby="import">
        <h2 id="import" className="mb-2 text-lg font-bold uppercase">
          Importer les réponses du comptable
        </h2>
        <ImportReponses action={importerReponsesAction} bordereauId={b.id} />
      </section>
      <section className="carte" aria-labelledby="titres">
        <h2 id="titres" className="mb-2 text-lg font-bold uppercase">
          Titres
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">Titres du bordereau et réponses du comptable</caption>
            <thead>
              <tr>
                <th scope="col">Pièce</th>
                <th scope="col">Titre</th>
                <th scope="col">Redevable</th>
                <th scope="col">Montant</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {b.titres.map((t) => (
                <tr key={t.id} className="border-t border-stone-200">
                  <td>{t.numeroPiece}</td>
                  <td>
                    {t.facture ? (
                      <Link href={`/agent/facturation/factures/${t.facture.numero}`}>{t.facture.numero}</Link>
                    ) : (
                      <>Réduction : avoir {t.avoir?.numero}</>
                    )}
                  </td>
                  <td>{t.facture?.destinataire ?? ""}</td>
                  <td>{euros(t.facture?.totalCentimes ?? t.avoir?.montantCentimes ?? 0)}</td>
                  <td>
                    {LIBELLES_STATUT[t.statut]}
                    {t.motifRejet ? ` : ${t.motifRejet}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
