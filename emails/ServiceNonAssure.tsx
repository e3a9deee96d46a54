import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { MailLayout, linkStyle } from "@/emails/components/MailLayout";

export type ServiceNonAssureProps = {
  commune: string;
  /** "de restauration", "de garderie" */
  service: string;
  /** "du jeudi 12 mars", "du jeudi 12 mars au vendredi 13 mars" */
  periode: string;
  lieu: string;
  /** "en raison d'une grève" */
  raison: string;
  /** the declaration was undone the same day: the service takes place after all */
  retabli?: boolean;
  serviceNom: string;
  lien: string;
};

export const serviceNonAssureSubject = ({
  service,
  periode,
  retabli,
}: Pick<ServiceNonAssureProps, "service" | "periode" | "retabli">) =>
  retabli
    ? `Le service ${service} ${periode} est finalement assuré`
    : `Le service ${service} ${periode} n'est pas assuré`;

// One mail per family concerned: the day, the lieu and the reason, never a child's name nor anything of a
// dossier santé (a vegetarian menu, an allergy): every family of the lieu gets the same text.
export default function ServiceNonAssure(props: ServiceNonAssureProps) {
  const { commune, service, periode, lieu, raison, retabli = false, serviceNom, lien } = props;
  return (
    <MailLayout commune={commune} preview={serviceNonAssureSubject(props)}>
      <Text>Bonjour,</Text>
      {retabli ? (
        <Text>
          {`Le service ${service} ${periode} (${lieu}) est finalement assuré : les réservations de votre famille pour ce jour sont rétablies.`}
        </Text>
      ) : (
        <>
          <Text>{`Le service ${service} ${periode} n'est pas assuré (${lieu}), ${raison}.`}</Text>
          <Text>Les réservations de votre famille pour ce jour sont annulées et ne vous seront pas facturées.</Text>
        </>
      )}
      <Text>
        {`Pour toute question, contactez le ${serviceNom}. Vos réservations : `}
        <Link href={lien} style={linkStyle}>
          {lien}
        </Link>
      </Text>
    </MailLayout>
  );
}

ServiceNonAssure.PreviewProps = {
  commune: "Villefranque",
  service: "de restauration",
  periode: "du jeudi 12 mars",
  lieu: "École publique de Villefranque",
  raison: "en raison d'une grève",
  serviceNom: "Service Enfance",
  lien: "http://localhost:3000/mon-espace",
} satisfies ServiceNonAssureProps;
