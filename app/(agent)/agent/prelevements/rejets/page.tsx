import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { euros } from "@/lib/argent/argent";
import { dateFr } from "@/lib/temps/periode";
import { CODES_REJET } from "@/lib/domain/prelevement/codes-rejet";
import { derniersRejets } from "@/lib/domain/prelevement/rejet";
import { importerRejetsAction, rejeterPrelevementAction } from "../actions";
import { ImportRejets } from "./ImportRejets";

export const metadata = { title: "Rejets de prélèvement" };

// The debits the bank returned (ADMIN): one by hand or the bank's CSV; the last rejects entered below.
export default async function RejetsPage() {
  await requireAgent("ADMIN");
  const derniers = await derniersRejets();
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-2">
          Rejets de prélèvement
        </h1>
        <p className="mb-4">
          Un prélèvement rejeté par la banque remet sa facture « à payer » ; la famille reçoit un courriel avec le motif
          et le lien pour payer en ligne. Après plusieurs rejets successifs (voir les{" "}
          <Link href="/agent/prelevements/parametres">paramètres</Link>), le mandat est suspendu.
        </p>
        <h2 className="mb-2 text-lg font-bold uppercase">Saisir un rejet</h2>
        <ActionForm
          action={rejeterPrelevementAction}
          bouton="Enregistrer le rejet"
          champs={[
            {
              kind: "texte",
              name: "reference",
              label: "Référence du prélèvement (EndToEndId) ou RUM du mandat",
              required: true,
              autoComplete: "off",
            },
            {
              kind: "choix",
              name: "code",
              label: "Code de rejet",
              options: Object.fromEntries(
                Object.entries(CODES_REJET).map(([code, motif]) => [code, `${code} — ${motif}`]),
              ),
              required: true,
            },
            { kind: "texte", name: "date", label: "Date du rejet", type: "date", hint: "Par défaut, aujourd'hui." },
          ]}
        />
      </section>
      <section className="carte" aria-labelledby="import">
        <h2 id="import" className="mb-2 text-lg font-bold uppercase">
          Importer les rejets de la banque (CSV)
        </h2>
        <ImportRejets action={importerRejetsAction} />
      </section>
      <section className="carte" aria-labelledby="derniers">
        <h2 id="derniers" className="mb-2 text-lg font-bold uppercase">
          Derniers rejets
        </h2>
        {derniers.length === 0 ? (
          <p>Aucun rejet enregistré.</p>
        ) : (
          <ul className="space-y-2">
            {derniers.map((p) => (
              <li key={p.id}>
                {p.rejeteLe ? dateFr(p.rejeteLe) : ""} — {p.facture.destinataire}, facture {p.facture.numero},{" "}
                {euros(p.montantCentimes)} : {p.codeRejet} ({p.motifRejet})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
