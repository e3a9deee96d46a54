import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { LienSeul } from "@/emails/components/LienSeul";

export type PrelevementRejeteProps = {
  commune: string;
  salutation: string;
  numero: string;
  /** "48,45 €" */
  montant: string;
  /** the debit's day, "10/12/2026" */
  date: string;
  /** the bank's reason in French (lib/domain/prelevement/codes-rejet.ts) */
  motif: string;
  /** the invoice's « Payer en ligne » (PayFiP) */
  lien: string;
  /** the mandate was suspended by this reject */
  suspendu: boolean;
};

export const prelevementRejeteSubject = (numero: string) => `Prélèvement rejeté : facture ${numero} à régler`;

// The bank returned the debit: which invoice, the bank's reason, and where to pay it now. Never the account's
// details (not even its last digits): the family knows its account, a mail may be read by someone else.
export default function PrelevementRejete({
  commune,
  salutation,
  numero,
  montant,
  date,
  motif,
  lien,
  suspendu,
}: PrelevementRejeteProps) {
  return (
    <MailLayout commune={commune} preview={prelevementRejeteSubject(numero)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`Le prélèvement de ${montant} du ${date} pour votre facture ${numero} a été rejeté par votre banque.`}</Text>
      <Text>{`Motif indiqué par la banque : ${motif}`}</Text>
      <Text>
        {"Cette facture est de nouveau à payer. Vous pouvez la régler en ligne dans votre espace :"}
        <LienSeul href={lien} />
      </Text>
      {suspendu ? (
        <Text>
          Après plusieurs rejets successifs, votre mandat de prélèvement est suspendu : vos prochaines factures ne
          seront pas prélevées. Vous pouvez enregistrer un nouveau compte bancaire dans votre espace, rubrique « Mes
          factures ».
        </Text>
      ) : (
        <Text>Vos prochaines factures restent payées par prélèvement automatique.</Text>
      )}
    </MailLayout>
  );
}

PrelevementRejete.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  numero: "FA-2026-000012",
  montant: "48,45 €",
  date: "10/12/2026",
  motif: "Le solde du compte était insuffisant.",
  lien: "https://famille.villefranque.fr/factures/FA-2026-000012/payer",
  suspendu: false,
} satisfies PrelevementRejeteProps;
