import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { MailLayout, linkStyle } from "@/emails/components/MailLayout";

export type FactureDisponibleProps = {
  commune: string;
  salutation: string;
  numero: string;
  /** "octobre 2026" */
  periode: string;
  lien: string;
};

export const factureDisponibleSubject = (periode: string) => `Votre facture de ${periode} est disponible`;

// Only that an invoice exists and where to read it: never its amount, its lines, the children's days nor the
// family's quotient familial (a mailbox is not the portal).
export default function FactureDisponible({ commune, salutation, numero, periode, lien }: FactureDisponibleProps) {
  return (
    <MailLayout commune={commune} preview={factureDisponibleSubject(periode)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`Votre facture N° ${numero} (${periode}) est disponible dans votre espace, rubrique « Mes factures ».`}</Text>
      <Text>
        {"Pour la consulter, la télécharger ou la régler en ligne, connectez-vous à votre espace : "}
        <Link href={lien} style={linkStyle}>
          {lien}
        </Link>
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
