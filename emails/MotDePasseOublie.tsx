import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";
import { LienSeul } from "@/emails/components/LienSeul";

export type MotDePasseOublieProps = { commune: string; salutation: string; identifiant: string; lien: string };

export const motDePasseOublieSubject = (commune: string) =>
  `Mairie ${de(commune)} - Réinitialisation de votre mot de passe`;

export default function MotDePasseOublie({ commune, salutation, identifiant, lien }: MotDePasseOublieProps) {
  return (
    <MailLayout commune={commune} preview="Choisissez un nouveau mot de passe">
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>
        {`Une réinitialisation du mot de passe de votre espace personnel (identifiant : ${identifiant}) a été demandée.`}
      </Text>
      <Text>
        Pour choisir un nouveau mot de passe, veuillez cliquer sur le lien suivant :
        <LienSeul href={lien} />
      </Text>
      <Text>
        Ce lien est valable 1 heure et ne peut servir qu&apos;une fois. Si vous n&apos;êtes pas à l&apos;origine de
        cette demande, ignorez ce message : votre mot de passe reste inchangé.
      </Text>
    </MailLayout>
  );
}

MotDePasseOublie.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme MARTIN",
  identifiant: "cmartin",
  lien: "http://localhost:3000/mot-de-passe-oublie/exemple",
} satisfies MotDePasseOublieProps;
