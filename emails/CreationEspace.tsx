import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";
import { LienSeul } from "@/emails/components/LienSeul";

export type CreationEspaceProps = { commune: string; salutation: string; lien: string };

export const creationEspaceSubject = (commune: string) => `Mairie ${de(commune)} - Création de votre espace personnel`;

export default function CreationEspace({ commune, salutation, lien }: CreationEspaceProps) {
  return (
    <MailLayout commune={commune} preview="Activez votre espace personnel">
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>Votre demande de création d&apos;un espace personnel a bien été prise en compte.</Text>
      <Text>
        Pour l&apos;activer, veuillez cliquer sur le lien suivant :
        <LienSeul href={lien} />
      </Text>
      <Text>Ce lien est valable 24 heures et ne peut servir qu&apos;une fois.</Text>
    </MailLayout>
  );
}

CreationEspace.PreviewProps = {
  commune: "Villefranque",
  salutation: "M. DUPONT",
  lien: "http://localhost:3000/activation/exemple",
} satisfies CreationEspaceProps;
