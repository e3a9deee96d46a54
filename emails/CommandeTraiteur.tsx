import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";

/** A day's order at the lieu: per menu, the meals and the diets, allergens and P.A.I. as counts. */
export type JourTraiteur = {
  /** "lundi 14 septembre" */
  jour: string;
  version: number;
  menus: { menu: string; repas: number; regimes: string; allergenes: string; pai: number }[];
};

export type CommandeTraiteurProps = {
  commune: string;
  lieu: string;
  jours: JourTraiteur[];
  serviceNom: string;
};

const modifiee = (jours: JourTraiteur[]) => jours.some((j) => j.version > 1);

export const commandeTraiteurSubject = ({ lieu, jours }: Pick<CommandeTraiteurProps, "lieu" | "jours">) =>
  `${modifiee(jours) ? "Commande de repas modifiée" : "Commande de repas"} : ${lieu}, ${
    jours.length === 1 ? jours[0]!.jour : `du ${jours[0]!.jour} au ${jours.at(-1)!.jour}`
  }`;

// The frozen kitchen order of a lieu, sent to the caterer at the cutoff (and again when a later change makes a
// new version): counts only, never a child's name nor which child has a diet, an allergy or a P.A.I.
export default function CommandeTraiteur({ commune, lieu, jours, serviceNom }: CommandeTraiteurProps) {
  return (
    <MailLayout commune={commune} preview={commandeTraiteurSubject({ lieu, jours })}>
      <Text>Bonjour,</Text>
      <Text>
        {modifiee(jours)
          ? `Les réservations ont changé après la clôture : voici la commande de repas mise à jour pour ${lieu}.`
          : `Les réservations sont closes : voici la commande de repas pour ${lieu}.`}
      </Text>
      {jours.map((j) => (
        <div key={j.jour}>
          <Text style={{ fontWeight: "bold", marginBottom: 0 }}>
            {`${j.jour.replace(/^./, (c) => c.toUpperCase())}${j.version > 1 ? ` (version ${j.version})` : ""}`}
          </Text>
          {j.menus.map((m) => (
            <Text key={m.menu} style={{ margin: 0 }}>
              {[
                `${m.menu} : ${m.repas} repas`,
                m.regimes && `régimes : ${m.regimes}`,
                m.allergenes && `allergènes : ${m.allergenes}`,
                m.pai > 0 && `PAI : ${m.pai}`,
              ]
                .filter(Boolean)
                .join(" ; ")}
            </Text>
          ))}
        </div>
      ))}
      <Text>{`Pour toute question, contactez le ${serviceNom}.`}</Text>
    </MailLayout>
  );
}

CommandeTraiteur.PreviewProps = {
  commune: "Villefranque",
  lieu: "École publique de Villefranque",
  jours: [
    {
      jour: "lundi 14 septembre",
      version: 1,
      menus: [
        { menu: "Menu Classique", repas: 62, regimes: "Sans porc (4)", allergenes: "Arachides (2)", pai: 1 },
        { menu: "Menu Végétarien", repas: 18, regimes: "", allergenes: "", pai: 0 },
      ],
    },
  ],
  serviceNom: "Service Enfance",
} satisfies CommandeTraiteurProps;
