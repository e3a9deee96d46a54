import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { LienSeul } from "@/emails/components/LienSeul";

export type RelanceFactureProps = {
  commune: string;
  salutation: string;
  numero: string;
  echeance: string;
  lien: string;
};

export const relanceFactureSubject = (numero: string) => `Rappel : facture ${numero} à régler`;

// A reminder says which invoice and since when, and where to see and pay it: never its lines, the children's
// days or the quotient familial (the portal shows them to whoever signs in).
export default function RelanceFacture({ commune, salutation, numero, echeance, lien }: RelanceFactureProps) {
  return (
    <MailLayout commune={commune} preview={relanceFactureSubject(numero)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`Sauf erreur de notre part, votre facture ${numero}, arrivée à échéance le ${echeance}, n'est pas encore réglée.`}</Text>
      <Text>
        {"Vous pouvez la consulter et la payer en ligne dans votre espace :"}
        <LienSeul href={lien} />
      </Text>
      <Text>
        Sans règlement, elle sera transmise au comptable public (Trésor public), qui en assurera le recouvrement. Si
        vous l&apos;avez réglée entre-temps, ne tenez pas compte de ce message.
      </Text>
    </MailLayout>
  );
}

RelanceFacture.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  numero: "FA-2026-000012",
  echeance: "15/10/2026",
  lien: "https://famille.villefranque.fr/factures",
} satisfies RelanceFactureProps;
