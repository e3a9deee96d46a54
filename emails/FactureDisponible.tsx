import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";
import { LienSeul } from "@/emails/components/LienSeul";

export type FactureDisponibleProps = {
  commune: string;
  salutation: string;
  numero: string;
  /** "octobre 2026" */
  periode: string;
  lien: string;
  /** for a family paying by prélèvement, phrasePrelevement(the day it is debited): the pre-notification */
  prelevement?: string;
};

/** « Elle sera prélevée le 10/12/2026 … », after the sentence saying the invoice is there (with its space). */
export const phrasePrelevement = (jour: string) =>
  ` Elle sera prélevée le ${jour} sur votre compte, par prélèvement automatique : vous n'avez rien à faire.`;

export const factureDisponibleSubject = (periode: string) => `Votre facture ${de(periode)} est disponible`;

// Only that an invoice exists and where to read it (and, debited, the day it is): never its amount, its lines, the
// children's days nor the family's quotient familial (a mailbox is not the portal).
export default function FactureDisponible({
  commune,
  salutation,
  numero,
  periode,
  lien,
  prelevement,
}: FactureDisponibleProps) {
  return (
    <MailLayout commune={commune} preview={factureDisponibleSubject(periode)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`Votre facture N° ${numero} (${periode}) est disponible dans votre espace, rubrique « Mes factures ».${prelevement ?? ""}`}</Text>
      <Text>
        {"Pour la consulter, la télécharger ou la régler en ligne, connectez-vous à votre espace :"}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

FactureDisponible.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  numero: "FA-2026-000042",
  periode: "octobre 2026",
  lien: "http://localhost:3000/factures",
} satisfies FactureDisponibleProps;
