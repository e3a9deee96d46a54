import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { MailLayout, linkStyle } from "@/emails/components/MailLayout";

export type RetraitCoRepresentantProps = {
  commune: string;
  /** what changed, for this reader: « Mikel BIDART n'est plus co-représentant(e) de votre famille. » */
  phrase: string;
  lien: string;
};

export const retraitCoRepresentantSubject = "Le co-représentant de la famille a été retiré";

// The other space of a family whose co-représentant the agents removed (the one who asked gets the decision's
// mail). The motif stays in the demande: a mail is not the place for a family's affairs.
export default function RetraitCoRepresentant({ commune, phrase, lien }: RetraitCoRepresentantProps) {
  return (
    <MailLayout commune={commune} preview={retraitCoRepresentantSubject}>
      <Text>Bonjour,</Text>
      <Text>{phrase}</Text>
      <Text>Votre espace :</Text>
      <Text>
        <Link href={lien} style={linkStyle}>
          {lien}
        </Link>
      </Text>
    </MailLayout>
  );
}

RetraitCoRepresentant.PreviewProps = {
  commune: "Villefranque",
  phrase:
    "Mikel BIDART n'est plus co-représentant(e) de la famille de Claire ETCHART : votre espace ne donne plus accès à cette famille.",
  lien: "http://localhost:3000/mon-espace",
} satisfies RetraitCoRepresentantProps;
