import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";
import { LienSeul } from "@/emails/components/LienSeul";

export type PeriodeAnnuleeProps = {
  commune: string;
  serviceNom: string;
  /** the window's label, as the commune published it */
  periode: string;
  /** each child's first name with its days withdrawn (« Léa : lun. 7, mar. 8 sept. ») */
  demandes: string[];
  motif: string;
  lien: string;
};

export const periodeAnnuleeSubject = "Période de réservation annulée";

// Told after an agent cancelled a booking window while it collected requests: the requests made in it are
// withdrawn (nothing was allocated, nothing is billed), and the parent books again from their calendar. The
// children's first names and days only: never a unit's name (a vegetarian menu says something of a dossier santé).
export default function PeriodeAnnulee({ commune, serviceNom, periode, demandes, motif, lien }: PeriodeAnnuleeProps) {
  return (
    <MailLayout commune={commune} preview={periodeAnnuleeSubject}>
      <Text>Bonjour,</Text>
      <Text>{`La période de réservation « ${periode} » est annulée par le service ${serviceNom} de la Mairie ${de(commune)}. Vos demandes faites pendant cette période sont retirées : aucune place n'a été attribuée et rien ne vous sera facturé.`}</Text>
      <Text>{`Motif : ${motif}`}</Text>
      <Text>Demandes retirées :</Text>
      {demandes.map((ligne) => (
        <Text key={ligne}>{ligne}</Text>
      ))}
      <Text>
        {"Pour réserver à nouveau, ouvrez le calendrier de votre famille :"}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

PeriodeAnnulee.PreviewProps = {
  commune: "Villefranque",
  serviceNom: "Service Enfance",
  periode: "Cantine de septembre",
  demandes: ["Léa : lun. 7, mar. 8, jeu. 10 sept."],
  motif: "Les capacités de la cantine sont revues.",
  lien: "http://localhost:3000/famille/reservations",
} satisfies PeriodeAnnuleeProps;
