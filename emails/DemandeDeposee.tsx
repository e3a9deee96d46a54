import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { sansPointFinal } from "@/lib/texte/point-final";
import { LienSeul } from "@/emails/components/LienSeul";

export type DemandeDeposeeProps = {
  commune: string;
  salutation: string;
  numero: number;
  typeLibelle: string;
  deposeeLe: string;
  serviceNom: string;
  serviceEmail: string;
  lien: string;
};

export const demandeSubject = (numero: number) => `Référence : ${numero}`;

// The seed's deposit mail, word for word (the commune's tutorial: docs/faits/tutoriel-commune.md).
export default function DemandeDeposee({
  commune,
  salutation,
  numero,
  typeLibelle,
  deposeeLe,
  serviceNom,
  serviceEmail,
  lien,
}: DemandeDeposeeProps) {
  return (
    <MailLayout commune={commune} preview={`Demande N° ${numero} bien reçue`}>
      <Text>{`Référence : ${numero}`}</Text>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`Nous avons bien reçu votre demande (${sansPointFinal(typeLibelle)}), déposée le ${deposeeLe}.`}</Text>
      <Text>
        {`Le service (${serviceNom} / ${serviceEmail}) vous tiendra régulièrement informé de l'avancement de son instruction, dont les détails peuvent être consultés en cliquant sur ce lien :`}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

DemandeDeposee.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHART",
  numero: 73,
  typeLibelle: "Ajout de famille",
  deposeeLe: "02/07/2024",
  serviceNom: "Service Enfance",
  serviceEmail: "enfance@mairie-villefranque.fr",
  lien: "http://localhost:3000/demandes/suivi/exemple",
} satisfies DemandeDeposeeProps;
