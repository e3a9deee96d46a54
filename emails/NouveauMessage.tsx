import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { LienSeul } from "@/emails/components/LienSeul";

export type NouveauMessageProps = { commune: string; salutation: string; numero: number; lien: string };

export const nouveauMessageSubject = (numero: number) =>
  `Vous avez un nouveau message concernant votre demande N° ${numero}`;

// Says that an agent wrote, never what: the message may hold personal data, and mail is not a safe channel.
export default function NouveauMessage({ commune, salutation, numero, lien }: NouveauMessageProps) {
  return (
    <MailLayout commune={commune} preview={nouveauMessageSubject(numero)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`${nouveauMessageSubject(numero)}.`}</Text>
      <Text>
        {"Pour le lire et y répondre, connectez-vous à votre espace :"}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

NouveauMessage.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHART",
  numero: 73,
  lien: "http://localhost:3000/demandes/73?onglet=echanges",
} satisfies NouveauMessageProps;
