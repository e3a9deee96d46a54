import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { de } from "@/lib/texte/elision";
import { sansPointFinal } from "@/lib/texte/point-final";
import { LienSeul } from "@/emails/components/LienSeul";

export type LigneRecap = { jour: string; unite: string };

export type RecapReservationsProps = {
  commune: string;
  salutation: string;
  enfant: string;
  activite: string;
  reservees: LigneRecap[];
  enAttente: LigneRecap[];
  /** asked, waiting for the service's validation (an activity validated by an agent) */
  aValider?: LigneRecap[];
  /** asked while a booking window collects requests: allocated at its close */
  demandees?: LigneRecap[];
  annulees: LigneRecap[];
  /** requests refused by an agent (an activity validated by an agent) */
  refusees?: LigneRecap[];
  /** who changed the days: the parent who saved them, an agent for the family, or an agent deciding requests */
  origine?: Origine;
  lien: string;
};

export type Origine = "famille" | "service" | "decision";

export const recapReservationsSubject = (enfant: string, origine: Origine = "famille") =>
  origine === "decision" ? `Vos demandes de réservation pour ${enfant}` : `Vos réservations pour ${enfant}`;

const INTRO: Record<Origine, (enfant: string, activite: string) => string> = {
  famille: (enfant, activite) => `Vos réservations pour ${enfant} (${activite}) sont enregistrées :`,
  service: (enfant, activite) => `Le service Enfance a modifié les réservations ${de(enfant)} (${activite}) :`,
  decision: (enfant, activite) => `Le service a traité vos demandes de réservation pour ${enfant} (${activite}) :`,
};

export const TITRE_DEMANDEES = "Jours demandés, attribués à la clôture des demandes";

export function Liste({ titre, lignes }: { titre: string; lignes: LigneRecap[] }) {
  if (lignes.length === 0) return null;
  return (
    <>
      <Text style={{ fontWeight: "bold", marginBottom: 0 }}>{`${titre} (${lignes.length})`}</Text>
      {lignes.map((l) => (
        <Text key={`${l.jour}-${l.unite}`} style={{ margin: 0 }}>{`${l.jour} : ${l.unite}`}</Text>
      ))}
    </>
  );
}

// The recap of one save, or of an agent's decision on requests: days and units only. Nothing of the child's
// dossier santé (allergies, PAI, régime) ever goes in it, even for a vegetarian menu: the unit's name is all it says.
export default function RecapReservations({
  commune,
  salutation,
  enfant,
  activite,
  reservees,
  enAttente,
  aValider = [],
  demandees = [],
  annulees,
  refusees = [],
  origine = "famille",
  lien,
}: RecapReservationsProps) {
  return (
    <MailLayout commune={commune} preview={recapReservationsSubject(enfant, origine)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{INTRO[origine](enfant, sansPointFinal(activite))}</Text>
      <Liste titre="Jours réservés" lignes={reservees} />
      <Liste titre="Jours en liste d'attente" lignes={enAttente} />
      <Liste titre="Jours en attente de validation par le service" lignes={aValider} />
      <Liste titre={TITRE_DEMANDEES} lignes={demandees} />
      <Liste titre="Jours annulés" lignes={annulees} />
      <Liste titre="Jours refusés" lignes={refusees} />
      {refusees.length > 0 && <Text>Vous pouvez demander à nouveau un jour refusé depuis votre espace.</Text>}
      <Text>
        {"Pour consulter ou modifier vos réservations, connectez-vous à votre espace :"}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

RecapReservations.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  enfant: "Louise",
  activite: "Inscription à la restauration (école publique).",
  reservees: [
    { jour: "lundi 7 septembre 2026", unite: "Menu Classique" },
    { jour: "mardi 8 septembre 2026", unite: "Menu Végétarien" },
  ],
  enAttente: [],
  annulees: [{ jour: "jeudi 10 septembre 2026", unite: "Menu Classique" }],
  lien: "http://localhost:3000/famille",
} satisfies RecapReservationsProps;
