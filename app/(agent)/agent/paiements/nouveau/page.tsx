import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, type Champ } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { jourParis } from "@/lib/temps/jours";
import { maintenant } from "@/lib/web/horloge";
import { euros } from "@/lib/argent/argent";
import { MODES_GUICHET } from "@/lib/domain/paiement/modes";
import { facturePourPaiement, famillePourPaiement, nomFamille } from "@/lib/domain/paiement/queries";
import { enregistrerPaiementAction } from "../actions";
import { NavigationPaiements } from "../Navigation";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Enregistrer un paiement — Console des agents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const saisie = (centimes: number) => (centimes / 100).toFixed(2).replace(".", ",");

const CHAMPS: Champ[] = [
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
    hint: "Numéro du chèque (obligatoire), du CESU ou libellé du virement",
    maxLength: 80,
  },
];

const CLE: Champ = {
  kind: "texte",
  name: "cleEnfance",
  label: "Clé enfance de la famille",
  required: true,
  autoComplete: "off",
};

/** Who the form is for: the invoice (?facture=) or family (?famille=) it was opened from, or a clé enfance typed. */
async function cible(
  params: Record<string, string | string[] | undefined>,
): Promise<{ cachees: Record<string, string>; montant: string; texte: ReactNode } | null> {
  if (typeof params.facture === "string") {
    const facture = await facturePourPaiement(params.facture);
    if (!facture) notFound();
    return {
      cachees: { facture: facture.numero },
      montant: facture.resteCentimes > 0 ? saisie(facture.resteCentimes) : "",
      texte: (
        <>
          Pour la facture N° {facture.numero} {de(nomFamille(facture.famille))} ({facture.famille.cleEnfance}),{" "}
          {facture.resteCentimes > 0 ? (
            <>
              qui reste due de {euros(facture.resteCentimes)}. Le paiement lui est affecté d&apos;abord ; le reste va
              aux autres factures de la famille, la plus ancienne d&apos;abord, puis à son avoir.
            </>
          ) : (
            <>
              qui ne doit plus rien. Le paiement va aux autres factures de la famille, la plus ancienne d&apos;abord,
              puis à son avoir.
            </>
          )}
        </>
      ),
    };
  }
  if (typeof params.famille === "string") {
    const famille = /^[0-9a-f-]{36}$/.test(params.famille) ? await famillePourPaiement(params.famille) : null;
    if (!famille) notFound();
    return {
      cachees: { famille: famille.id },
      montant: "",
      texte: (
        <>
          Pour la famille {nomFamille(famille)} ({famille.cleEnfance}). Le paiement est affecté à ses factures, la plus
          ancienne d&apos;abord ; ce qui reste devient son avoir.
        </>
      ),
    };
  }
  return null;
}

export default async function NouveauPaiementPage({ searchParams }: Props) {
  await requireAgent();
  const pour = await cible(await searchParams);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Enregistrer un paiement
      </h1>
      <NavigationPaiements courant="/agent/paiements/nouveau" />
      <p className="mb-4">
        {pour?.texte ?? (
          <>
            Le paiement est affecté aux factures de la famille, la plus ancienne d&apos;abord ; vous pourrez modifier
            cette affectation ensuite. Vous ne connaissez pas sa clé enfance ?{" "}
            <Link href="/agent/paiements">Cherchez la famille</Link> par son nom ou un numéro de facture.
          </>
        )}
      </p>
      <ActionForm
        action={enregistrerPaiementAction}
        bouton="Enregistrer le paiement"
        cachees={pour?.cachees}
        valeurs={{ date: jourParis(await maintenant()), montant: pour?.montant ?? "" }}
        champs={pour ? CHAMPS : [CLE, ...CHAMPS]}
      />
    </section>
  );
}
