import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { Liste, TITRE_DEMANDEES, type LigneRecap } from "@/emails/RecapReservations";
import { LienSeul } from "@/emails/components/LienSeul";

/** One child × activity of the family's save. */
export type SectionRecap = {
  enfant: string;
  activite: string;
  reservees: LigneRecap[];
  enAttente: LigneRecap[];
  aValider: LigneRecap[];
  demandees?: LigneRecap[];
  annulees: LigneRecap[];
};

export type RecapReservationsFamilleProps = {
  commune: string;
  salutation: string;
  sections: SectionRecap[];
  lien: string;
};

/** « Léa », « Léa et Tom », « Léa, Tom et Zoé »: each child once, in the order of the sections. */
export function enfantsEnClair(sections: Pick<SectionRecap, "enfant">[]): string {
  const enfants = [...new Set(sections.map((s) => s.enfant))];
  return enfants.length <= 1 ? (enfants[0] ?? "") : `${enfants.slice(0, -1).join(", ")} et ${enfants.at(-1)}`;
}

export const recapReservationsFamilleSubject = (sections: Pick<SectionRecap, "enfant">[]) =>
  `Vos réservations pour ${enfantsEnClair(sections)}`;

// The recap of one save of the family booking view: one section per child × activity changed, days and units
// only. Nothing of a child's dossier santé (allergies, PAI, régime) ever goes in it: the unit's name is all it says.
export default function RecapReservationsFamille({
  commune,
  salutation,
  sections,
  lien,
}: RecapReservationsFamilleProps) {
  return (
    <MailLayout commune={commune} preview={recapReservationsFamilleSubject(sections)}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`Vos réservations pour ${enfantsEnClair(sections)} sont enregistrées :`}</Text>
      {sections.map((s) => (
        <div key={`${s.enfant}-${s.activite}`}>
          <Text style={{ fontWeight: "bold", fontSize: "16px", marginBottom: 0 }}>{`${s.enfant} — ${s.activite}`}</Text>
          <Liste titre="Jours réservés" lignes={s.reservees} />
          <Liste titre="Jours en liste d'attente" lignes={s.enAttente} />
          <Liste titre="Jours en attente de validation par le service" lignes={s.aValider} />
          <Liste titre={TITRE_DEMANDEES} lignes={s.demandees ?? []} />
          <Liste titre="Jours annulés" lignes={s.annulees} />
        </div>
      ))}
      <Text>
        {"Pour consulter ou modifier les réservations de la famille, connectez-vous à votre espace :"}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

RecapReservationsFamille.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  sections: [
    {
      enfant: "Louise",
      activite: "Inscription à la restauration (école publique).",
      reservees: [{ jour: "lundi 7 septembre 2026", unite: "Menu Classique" }],
      enAttente: [],
      aValider: [],
      annulees: [],
    },
    {
      enfant: "Louise",
      activite: "Inscription à la garderie périscolaire.",
      reservees: [
        { jour: "lundi 7 septembre 2026", unite: "Matin" },
        { jour: "lundi 7 septembre 2026", unite: "Soir" },
      ],
      enAttente: [],
      aValider: [],
      annulees: [],
    },
    {
      enfant: "Paul",
      activite: "Inscription à la restauration (école publique).",
      reservees: [{ jour: "lundi 7 septembre 2026", unite: "Menu Végétarien" }],
      enAttente: [],
      aValider: [],
      annulees: [{ jour: "jeudi 10 septembre 2026", unite: "Menu Classique" }],
    },
  ],
  lien: "http://localhost:3000/famille/reservations",
} satisfies RecapReservationsFamilleProps;
