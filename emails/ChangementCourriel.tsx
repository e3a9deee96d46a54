import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";
import { LienSeul } from "@/emails/components/LienSeul";

export type ChangementCourrielProps = { commune: string; salutation: string; identifiant: string; lien: string };

export const changementCourrielSubject = (commune: string) =>
  `Mairie ${de(commune)} - Confirmez votre nouvelle adresse de courriel`;

/** Sent to the NEW address: the change happens only once this link is followed. */
export default function ChangementCourriel({ commune, salutation, identifiant, lien }: ChangementCourrielProps) {
  return (
    <MailLayout commune={commune} preview="Confirmez votre nouvelle adresse de courriel">
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>
        {`Vous avez demandé que cette adresse devienne celle de votre espace personnel (identifiant : ${identifiant}).`}
      </Text>
      <Text>
        Pour confirmer ce changement de courriel, veuillez cliquer sur le lien suivant :
        <LienSeul href={lien} />
      </Text>
      <Text>
        Ce lien est valable 24 heures et ne peut servir qu&apos;une fois. Tant qu&apos;il n&apos;est pas suivi, votre
        espace garde son ancienne adresse. Si vous n&apos;êtes pas à l&apos;origine de cette demande, ignorez ce
        message.
      </Text>
    </MailLayout>
  );
}

ChangementCourriel.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme MARTIN",
  identifiant: "cmartin",
  lien: "http://localhost:3000/mes-informations/courriel/confirmer/exemple",
} satisfies ChangementCourrielProps;
