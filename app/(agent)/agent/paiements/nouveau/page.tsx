import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { jourParis } from "@/lib/temps/jours";
import { maintenant } from "@/lib/web/horloge";
import { MODES_GUICHET } from "@/lib/domain/paiement/schemas";
import { enregistrerPaiementAction } from "../actions";
import { NavigationPaiements } from "../Navigation";

export const metadata = { title: "Enregistrer un paiement — Console des agents" };

export default async function NouveauPaiementPage() {
  await requireAgent();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Enregistrer un paiement
      </h1>
      <NavigationPaiements courant="/agent/paiements/nouveau" />
      <p className="mb-4">
        Le paiement est affecté aux factures de la famille, la plus ancienne d&apos;abord ; vous pourrez modifier cette
        affectation ensuite.
      </p>
      <ActionForm
        action={enregistrerPaiementAction}
        bouton="Enregistrer le paiement"
        valeurs={{ date: jourParis(await maintenant()) }}
        champs={[
          {
            kind: "texte",
            name: "cleEnfance",
            label: "Clé enfance de la famille",
            required: true,
            autoComplete: "off",
          },
          { kind: "choix", name: "mode", label: "Mode de paiement", options: { ...MODES_GUICHET }, required: true },
          {
            kind: "texte",
            name: "montant",
            label: "Montant (en euros)",
            required: true,
            inputMode: "text",
            hint: "Par exemple 42,50",
          },
          { kind: "texte", name: "date", label: "Date de réception", type: "date", required: true },
          {
            kind: "texte",
            name: "reference",
            label: "Référence",
            hint: "Numéro du chèque, du CESU ou libellé du virement",
            maxLength: 80,
          },
        ]}
      />
    </section>
  );
}
