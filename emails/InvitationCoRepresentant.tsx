import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { MailLayout, linkStyle } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";

export type InvitationCoRepresentantProps = {
  commune: string;
  serviceNom: string;
  /** who asked for the co-représentant: « Claire ETCHART » */
  invitePar: string;
  cleEnfance: string;
  /** the portal's address (the page that creates a space) */
  lien: string;
};

export const invitationCoRepresentantSubject = (commune: string) =>
  `Invitation au portail famille de la Mairie ${de(commune)}`;

// The invitation of a co-représentant the agents accepted: who invites, and how to join the family with its clé
// enfance. The link stands alone in its paragraph, so the plain-text part puts it on its own line (no sentence's
// dot glued to it).
export default function InvitationCoRepresentant({
  commune,
  serviceNom,
  invitePar,
  cleEnfance,
  lien,
}: InvitationCoRepresentantProps) {
  return (
    <MailLayout commune={commune} preview={invitationCoRepresentantSubject(commune)}>
      <Text>Bonjour,</Text>
      <Text>{`${invitePar} vous a déclaré(e) co-représentant(e) de sa famille auprès du ${serviceNom} de la Mairie ${de(commune)}, qui l'a validé.`}</Text>
      <Text>{`Pour suivre les inscriptions, les réservations et les factures des enfants, créez votre espace sur le portail, puis saisissez la clé enfance ${cleEnfance} dans « Modifier mon espace ».`}</Text>
      <Text>Le portail :</Text>
      <Text>
        <Link href={lien} style={linkStyle}>
          {lien}
        </Link>
      </Text>
      <Text>
        Votre espace est rattaché à la famille dès que votre identité (nom et date de naissance) correspond à celle
        déclarée.
      </Text>
    </MailLayout>
  );
}

InvitationCoRepresentant.PreviewProps = {
  commune: "Villefranque",
  serviceNom: "Service Enfance",
  invitePar: "Claire ETCHART",
  cleEnfance: "K7QX-3MPA",
  lien: "http://localhost:3000/creer-mon-espace",
} satisfies InvitationCoRepresentantProps;
