import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { LienSeul } from "@/emails/components/LienSeul";

export type ServiceNonAssureProps = {
  commune: string;
  /** "de restauration", "de garderie" */
  service: string;
  /** "du jeudi 12 mars", "du jeudi 12 mars au vendredi 13 mars" */
  periode: string;
  lieu: string;
  /** "en raison d'une grève" */
  raison: string;
  /** each child's days touched, per service: "Henri : restauration (École publique), jeu. 12 mars" */
  jours?: string[];
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

// One mail per family concerned, for the whole declaration (several activities and lieux): the days, the lieux
// and the reason, then the family's own children's days touched (first name, service, lieu, days), never
// anything of a dossier santé (a vegetarian menu, an allergy).
export default function ServiceNonAssure(props: ServiceNonAssureProps) {
  const { commune, service, periode, lieu, raison, jours = [], retabli = false, serviceNom, lien } = props;
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
      {jours.length > 0 && (
        <>
          <Text style={{ fontWeight: "bold", marginBottom: 0 }}>
            {retabli ? "Réservations rétablies :" : "Réservations annulées :"}
          </Text>
          {jours.map((ligne) => (
            <Text key={ligne} style={{ margin: 0 }}>
              {ligne}
            </Text>
          ))}
        </>
      )}
      <Text>
        {`Pour toute question, contactez le ${serviceNom}. Vos réservations :`}
        <LienSeul href={lien} />
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
  jours: ["Henri : restauration (École publique de Villefranque), jeu. 12 mars"],
  serviceNom: "Service Enfance",
  lien: "http://localhost:3000/mon-espace",
} satisfies ServiceNonAssureProps;
