import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { LienSeul } from "@/emails/components/LienSeul";

/** One child × unit of the window: what it asked, what it got, and why. */
export type ResultatEnfant = {
  enfant: string;
  unite: string;
  /** « lun. 5, mar. 6 juil. »; empty: none */
  obtenus: string;
  enAttente: string;
  /** the child's rank on the waiting lists of its days not obtained */
  rang: number;
  /** « priorité : frère ou sœur inscrit (30 points) ; à égalité, tirage au sort (graine publiée : …) » */
  raison: string;
};

export type ResultatAttributionProps = {
  commune: string;
  salutation: string;
  libelle: string;
  resultats: ResultatEnfant[];
  lien: string;
};

export const resultatAttributionSubject = (libelle: string) => `Résultat de l'attribution — ${libelle}`;

// The result of a booking window's allocation, one mail per family: per child and unit the days obtained, the days
// on the waiting list with the child's rank, and the reason in words (the criteria met and their points, the draw's
// published seed). Days, units and first names only: nothing of a dossier santé.
export default function ResultatAttribution({
  commune,
  salutation,
  libelle,
  resultats,
  lien,
}: ResultatAttributionProps) {
  return (
    <MailLayout commune={commune} preview={resultatAttributionSubject(libelle)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`Les places de « ${libelle} » ont été attribuées selon les priorités publiées par la commune.`}</Text>
      {resultats.map((r) => (
        <div key={`${r.enfant}-${r.unite}`}>
          <Text style={{ fontWeight: "bold", marginBottom: 0 }}>{`${r.enfant} — ${r.unite}`}</Text>
          <Text style={{ margin: 0 }}>{`Jours obtenus : ${r.obtenus || "aucun"}`}</Text>
          {r.enAttente && (
            <Text style={{ margin: 0 }}>
              {`Jours en liste d'attente (rang ${r.rang}) : ${r.enAttente}. Si une place se libère, elle vous sera proposée par courriel.`}
            </Text>
          )}
          <Text style={{ marginTop: 0 }}>{`Motif : ${r.raison}.`}</Text>
        </div>
      ))}
      <Text>
        {"Pour consulter le calendrier de vos réservations, connectez-vous à votre espace :"}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

ResultatAttribution.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  libelle: "Centre de loisirs — été 2027",
  resultats: [
    {
      enfant: "Louise",
      unite: "Journée",
      obtenus: "lun. 5, mar. 6 juil.",
      enAttente: "mer. 7 juil.",
      rang: 12,
      raison:
        "priorité : frère ou sœur inscrit (30 points), résident de la commune (20 points) ; à égalité, tirage au sort (graine publiée : 7f3a9c)",
    },
  ],
  lien: "https://famille.villefranque.fr/famille/reservations",
} satisfies ResultatAttributionProps;
