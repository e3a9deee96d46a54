import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";
import { LienSeul } from "@/emails/components/LienSeul";

export type TentativeCourrielProps = {
  commune: string;
  salutation: string;
  /** what was tried with the address: a new space, or making it another space's address */
  motif: "creation" | "changement";
  /** the space holding the address still waits for its activation: a working link to activate it */
  lienActivation?: string;
  lienConnexion: string;
};

export const tentativeCourrielSubject = (commune: string) =>
  `Mairie ${de(commune)} - Tentative d'utilisation de votre courriel`;

/**
 * Sent to the holder of an address someone else tried to use: the page answered that person as it answers
 * everyone (so it reveals no space), and the holder learns of it here.
 */
export default function TentativeCourriel({
  commune,
  salutation,
  motif,
  lienActivation,
  lienConnexion,
}: TentativeCourrielProps) {
  return (
    <MailLayout commune={commune} preview="Quelqu'un a tenté d'utiliser votre courriel">
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>
        {motif === "creation"
          ? "Quelqu'un a tenté de créer un espace avec votre courriel. Votre espace n'a pas été modifié et aucun autre espace n'a été créé."
          : "Quelqu'un a demandé que votre courriel devienne celui d'un autre espace personnel. Cette demande a été ignorée : votre espace n'a pas été modifié."}
      </Text>
      {lienActivation ? (
        <>
          <Text>
            Votre espace attend toujours son activation. Pour l&apos;activer, veuillez cliquer sur le lien suivant :
            <LienSeul href={lienActivation} />
          </Text>
          <Text>Ce lien est valable 24 heures et ne peut servir qu&apos;une fois.</Text>
        </>
      ) : (
        <Text>
          Si c&apos;était vous, connectez-vous à votre espace (mot de passe oublié ? suivez « J&apos;ai oublié mon mot
          de passe. » sur cette page) :
          <LienSeul href={lienConnexion} />
        </Text>
      )}
      <Text>Si vous n&apos;êtes pas à l&apos;origine de cette demande, vous pouvez ignorer ce message.</Text>
    </MailLayout>
  );
}

TentativeCourriel.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHART",
  motif: "creation",
  lienActivation: "http://localhost:3000/activation/exemple",
  lienConnexion: "http://localhost:3000/connexion",
} satisfies TentativeCourrielProps;
