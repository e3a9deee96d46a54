import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { MailLayout, linkStyle } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";

export type RappelVaccinProps = {
  commune: string;
  salutation: string;
  prenom: string;
  /** the child's dossier santé update (step 1) */
  lien: string;
};

/** « Le dossier santé d'Ane est à mettre à jour »: the subject names the child, never a vaccine nor a date. */
export const rappelVaccinSubject = (prenom: string) => `Le dossier santé ${de(prenom)} est à mettre à jour`;

// The reminder when a child's dossier santé needs a vaccination brought up to date (lib/domain/sante/rappel-vaccin.ts).
// A mail is no place for health data: it names no vaccine and no date; the parent reads them in the portal. The
// link stands on its own line, so that the plain-text part ends no sentence with it.
export default function RappelVaccin({ commune, salutation, prenom, lien }: RappelVaccinProps) {
  return (
    <MailLayout commune={commune} preview={rappelVaccinSubject(prenom)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`${rappelVaccinSubject(prenom)}. Merci de le compléter sur le portail famille :`}</Text>
      <Text>
        <Link href={lien} style={linkStyle}>
          {lien}
        </Link>
      </Text>
      <Text>Si vous venez de le mettre à jour, ne tenez pas compte de ce message.</Text>
    </MailLayout>
  );
}

RappelVaccin.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  prenom: "Ane",
  lien: "https://famille.villefranque.fr/famille/enfants/1/sante/mettre-a-jour",
} satisfies RappelVaccinProps;
