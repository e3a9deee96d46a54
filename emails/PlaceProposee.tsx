import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { LienSeul } from "@/emails/components/LienSeul";

/** « Léa : lundi 5 juillet 2027, Centre de loisirs (journée) » */
export type PlaceOfferte = { enfant: string; jour: string; unite: string };

export type PlaceProposeeProps = {
  commune: string;
  salutation: string;
  places: PlaceOfferte[];
  /** « jeudi 10 juin à 18:30 » */
  echeance: string;
  lien: string;
};

export const placeProposeeSubject = "Une place vous est proposée";

// A place freed on a day of a booking window's waiting list, offered to the family for the window's delay: the
// children's first names, the days and units, the deadline, and the page that accepts or declines it, on its own
// line. Nothing of a dossier santé.
export default function PlaceProposee({ commune, salutation, places, echeance, lien }: PlaceProposeeProps) {
  return (
    <MailLayout commune={commune} preview={placeProposeeSubject}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>
        {places.length > 1
          ? "Des places se sont libérées sur la liste d'attente où vos enfants étaient inscrits :"
          : "Une place s'est libérée sur la liste d'attente où votre enfant était inscrit :"}
      </Text>
      {places.map((p) => (
        <Text
          key={`${p.enfant}-${p.jour}-${p.unite}`}
          style={{ margin: 0 }}
        >{`${p.enfant} : ${p.jour}, ${p.unite}`}</Text>
      ))}
      <Text>
        {places.length > 1
          ? `Elles vous sont réservées jusqu'au ${echeance}. Sans réponse de votre part d'ici là, elles seront proposées à la famille suivante.`
          : `Elle vous est réservée jusqu'au ${echeance}. Sans réponse de votre part d'ici là, elle sera proposée à la famille suivante.`}
      </Text>
      <Text>
        {"Pour accepter ou refuser, connectez-vous à votre espace :"}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

PlaceProposee.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  places: [{ enfant: "Louise", jour: "lundi 5 juillet 2027", unite: "Journée" }],
  echeance: "mercredi 16 juin à 18:30",
  lien: "https://famille.villefranque.fr/famille/reservations/propositions",
} satisfies PlaceProposeeProps;
