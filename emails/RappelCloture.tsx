import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { LienSeul } from "@/emails/components/LienSeul";

export type EnfantARappeler = { prenom: string; jours: string; lien: string };

export type RappelClotureProps = {
  commune: string;
  salutation: string;
  /** « demain, jeudi 10 décembre, à 12:00 » */
  cloture: string;
  /** « du lundi 14 décembre » */
  semaine: string;
  enfants: EnfantARappeler[];
  /** Mon accueil, where the reminder is turned off */
  accueil: string;
};

export const rappelClotureSubject = "Rappel : des jours de la semaine prochaine ne sont pas réservés";

// The reminder the day before a booking cutoff, for a parent who asked for it on Mon accueil: the children's
// first names and the days not booked, each link on its own line. Nothing of a dossier santé, nor any unit's name.
export default function RappelCloture({ commune, salutation, cloture, semaine, enfants, accueil }: RappelClotureProps) {
  return (
    <MailLayout commune={commune} preview={rappelClotureSubject}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`Les réservations de la semaine ${semaine} ferment ${cloture}. Ces jours ne sont pas encore réservés :`}</Text>
      {enfants.map((e) => (
        <Text key={e.prenom}>
          {`${e.prenom} : ${e.jours}`}
          <br />
          {`Réserver pour ${e.prenom} :`}
          <LienSeul href={e.lien} />
        </Text>
      ))}
      <Text>Si ces jours ne sont pas à réserver (un enfant gardé ce jour-là), ne tenez pas compte de ce message.</Text>
      <Text>
        {"Pour ne plus recevoir ce rappel, décochez-le sur Mon accueil :"}
        <LienSeul href={accueil} />
      </Text>
    </MailLayout>
  );
}

RappelCloture.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  cloture: "demain, jeudi 10 décembre, à 12:00",
  semaine: "du lundi 14 décembre",
  enfants: [
    {
      prenom: "Louise",
      jours: "lundi 14, mardi 15",
      lien: "https://famille.villefranque.fr/famille/enfants/1/reservations",
    },
    { prenom: "Peio", jours: "jeudi 17", lien: "https://famille.villefranque.fr/famille/enfants/2/reservations" },
  ],
  accueil: "https://famille.villefranque.fr/mon-espace",
} satisfies RappelClotureProps;
