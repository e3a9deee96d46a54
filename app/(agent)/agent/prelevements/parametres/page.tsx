import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { ibanEnClair } from "@/lib/argent/iban";
import { parametresPrelevement, TRANSMISSIONS } from "@/lib/domain/prelevement/parametres";
import { modifierParametresPrelevementAction } from "../actions";

export const metadata = { title: "Paramètres du prélèvement automatique" };

// The commune as a SEPA creditor (ADMIN): what the mandate shows the families and how debits reach the bank.
export default async function ParametresPrelevementPage() {
  await requireAgent("ADMIN");
  const p = await parametresPrelevement();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Paramètres du prélèvement automatique
      </h1>
      <p className="mb-2">
        Le mandat signé par les familles montre le nom, l&apos;adresse et l&apos;identifiant créancier SEPA (ICS) de la
        commune, attribué par la Banque de France par l&apos;intermédiaire de sa banque.
      </p>
      <p className="mb-4">
        <Link href="/agent/prelevements">Prélèvements du mois</Link>
      </p>
      <ActionForm
        action={modifierParametresPrelevementAction}
        bouton="Enregistrer les paramètres"
        champs={[
          {
            kind: "choix",
            name: "actif",
            label: "Proposer le prélèvement automatique aux familles",
            options: { non: "Non", oui: "Oui" },
            required: true,
          },
          {
            kind: "texte",
            name: "ics",
            label: "Identifiant créancier SEPA (ICS)",
            hint: "13 caractères, par exemple FR72ZZZ123456.",
            autoComplete: "off",
          },
          { kind: "texte", name: "creancierNom", label: "Nom du créancier", maxLength: 70 },
          {
            kind: "zoneTexte",
            name: "creancierAdresse",
            label: "Adresse du créancier",
            maxLength: 140,
          },
          {
            kind: "texte",
            name: "iban",
            label: "IBAN du compte de la commune",
            hint: "Le compte crédité par les prélèvements (obligatoire pour un fichier SEPA).",
            autoComplete: "off",
          },
          {
            kind: "texte",
            name: "bic",
            label: "BIC du compte de la commune",
            hint: "8 ou 11 caractères.",
            autoComplete: "off",
          },
          {
            kind: "texte",
            name: "jourPrelevement",
            label: "Jour de prélèvement (du 1 au 28)",
            required: true,
            inputMode: "numeric",
          },
          {
            kind: "texte",
            name: "delaiPrenotificationJours",
            label: "Délai de pré-notification (jours)",
            hint: "Jours entre l'émission de la facture, qui annonce le montant et la date, et le prélèvement : 14 sauf si le mandat indique un autre délai.",
            required: true,
            inputMode: "numeric",
          },
          {
            kind: "choix",
            name: "transmission",
            label: "Transmission des prélèvements",
            options: TRANSMISSIONS,
            required: true,
          },
          {
            kind: "texte",
            name: "rejetsAvantSuspension",
            label: "Rejets successifs avant suspension du mandat",
            required: true,
            inputMode: "numeric",
          },
        ]}
        valeurs={{
          actif: p.actif ? "oui" : "non",
          ics: p.ics,
          creancierNom: p.creancierNom,
          creancierAdresse: p.creancierAdresse,
          iban: p.iban ? ibanEnClair(p.iban) : "",
          bic: p.bic,
          jourPrelevement: String(p.jourPrelevement),
          delaiPrenotificationJours: String(p.delaiPrenotificationJours),
          transmission: p.transmission,
          rejetsAvantSuspension: String(p.rejetsAvantSuspension),
        }}
      />
    </section>
  );
}
