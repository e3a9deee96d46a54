import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";

export type CourrielModifieProps = {
  commune: string;
  salutation: string;
  identifiant: string;
  nouveauMasque: string;
  le: string;
};

export const courrielModifieSubject = (commune: string) =>
  `Mairie ${de(commune)} - L'adresse de courriel de votre espace a changé`;

/** Sent to the OLD address once the change is confirmed, so a hijacked space does not go unnoticed. */
export default function CourrielModifie({ commune, salutation, identifiant, nouveauMasque, le }: CourrielModifieProps) {
  return (
    <MailLayout commune={commune} preview="L'adresse de courriel de votre espace a changé">
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>
        {`Le ${le}, l'adresse de courriel de votre espace personnel (identifiant : ${identifiant}) a été remplacée par ${nouveauMasque}. Les messages de la mairie ne seront plus envoyés à cette adresse-ci.`}
      </Text>
      <Text>
        Si vous n&apos;êtes pas à l&apos;origine de ce changement, contactez sans attendre le service de la mairie et
        utilisez « J&apos;ai oublié mon mot de passe. » pour reprendre la main sur votre espace.
      </Text>
    </MailLayout>
  );
}

CourrielModifie.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme MARTIN",
  identifiant: "cmartin",
  nouveauMasque: "c•••••@exemple.fr",
  le: "26/11/2026 à 19:40",
} satisfies CourrielModifieProps;
