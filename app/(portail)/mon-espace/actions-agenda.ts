"use server";
// Mon accueil's own block (components/accueil/): the cutoff reminder's opt-in and « Malade ce matin » for
// several children at once.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { maladeCeMatinPourLaFamille } from "@/lib/domain/absence/malade-famille";
import { modifierRappelCloture } from "@/lib/domain/agenda/preference";
import { maintenant } from "@/lib/web/horloge";

/** « Me prévenir par courriel la veille d'une clôture… », ticked or not. */
export const rappelClotureAction = actionUsager(
  "agenda.rappel_cloture",
  z.object({ rappel: z.enum(["oui"]).optional() }),
  async ({ usager, data }) => {
    const actif = data.rappel === "oui";
    await modifierRappelCloture({ usagerId: usager.id, actif });
    revalidatePath("/mon-espace");
    return {
      message: actif
        ? "C'est noté : vous recevrez un courriel la veille d'une clôture quand des jours ne sont pas réservés."
        : "C'est noté : vous ne recevrez plus ce rappel.",
    };
  },
  { suite: "/mon-espace" },
);

/** « Malade ce matin » for the children ticked: one confirmation, each child's outcome in the answer. */
export const maladeCeMatinFamilleAction = actionUsager(
  "absence.malade_famille",
  z.object({}),
  async ({ usager, formData }) => {
    const enfantIds = formData
      .getAll("enfant")
      .filter((v): v is string => typeof v === "string")
      .slice(0, 20);
    const issues = await maladeCeMatinPourLaFamille({ usagerId: usager.id, enfantIds, now: await maintenant() });
    revalidatePath("/mon-espace");
    const phrases = issues.map((i) =>
      "refus" in i
        ? i.refus
        : `${i.prenom} : le repas et la garderie d'aujourd'hui sont annulés (demande N° ${i.numero}).`,
    );
    const annulees = issues.some((i) => !("refus" in i));
    return {
      ok: annulees,
      message: `${phrases.join(" ")}${annulees ? " Envoyez le certificat médical depuis la page Absences de chaque enfant dès que possible." : ""}`,
    };
  },
  { suite: "/mon-espace" },
);
