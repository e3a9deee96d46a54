import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { LienSeul } from "@/emails/components/LienSeul";

export type RecuPaiementProps = {
  commune: string;
  salutation: string;
  numero: string;
  /** "42,50 €" */
  montant: string;
  /** "Chèque", "Carte bancaire en ligne (PayFiP)"… */
  mode: string;
  /** the day the money was received, "20/11/2026" */
  date: string;
  lien: string;
};

export const recuPaiementSubject = (numero: string) => `Reçu de votre paiement ${numero}`;

// That the money arrived, how and how much, with the reçu attached (the invoices it paid and what is left are in
// the PDF and the portal): never a cheque's number, an account or anything about a card.
export default function RecuPaiement({ commune, salutation, numero, montant, mode, date, lien }: RecuPaiementProps) {
  return (
    <MailLayout commune={commune} preview={recuPaiementSubject(numero)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`La régie a bien reçu votre paiement de ${montant} (${mode}) du ${date}. Votre reçu N° ${numero} est joint à ce message (PDF) : il indique les factures réglées et ce qui reste à payer.`}</Text>
      <Text>
        {"Retrouvez vos factures, vos paiements et vos reçus dans votre espace, rubrique « Mes factures » :"}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

RecuPaiement.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  numero: "RE-2026-000042",
  montant: "48,45 €",
  mode: "Chèque",
  date: "20/11/2026",
  lien: "http://localhost:3000/factures",
} satisfies RecuPaiementProps;
