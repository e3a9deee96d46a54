import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";
import { LienSeul } from "@/emails/components/LienSeul";

export type FamilleModifieeProps = { commune: string; serviceNom: string; lien: string };

export const familleModifieeSubject = "Les informations de votre famille ont été modifiées";

// Says that an agent corrected the family, never what: the fields are personal data, and mail is not a safe
// channel (a mailbox shared in the household, a former partner's address). The family reads them in its space.
export default function FamilleModifiee({ commune, serviceNom, lien }: FamilleModifieeProps) {
  return (
    <MailLayout commune={commune} preview={familleModifieeSubject}>
      <Text>Bonjour,</Text>
      <Text>{`Les informations de votre famille ont été modifiées par le service ${serviceNom} de la Mairie ${de(commune)}.`}</Text>
      <Text>
        {"Pour les consulter, connectez-vous à votre espace :"}
        <LienSeul href={lien} />
      </Text>
      <Text>{`Si une information vous semble inexacte, écrivez au service ${serviceNom} depuis votre espace.`}</Text>
    </MailLayout>
  );
}

FamilleModifiee.PreviewProps = {
  commune: "Villefranque",
  serviceNom: "Service Enfance",
  lien: "http://localhost:3000/mon-espace",
} satisfies FamilleModifieeProps;
