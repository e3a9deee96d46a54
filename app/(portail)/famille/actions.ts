"use server";
// Ma famille's démarches: each deposits at once, about the family of the caller's own space (never an id from the
// form), and leads to the confirmation « Votre demande … a été enregistrée ».
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionUsager, saisieLibre } from "@/lib/action";
import { demanderAjoutCoRepresentant } from "@/lib/domain/famille/ajouter-co-representant";
import { demanderAjoutEnfant, type ResultatAjout } from "@/lib/domain/famille/ajouter-enfant";
import { demanderRetraitCoRepresentant } from "@/lib/domain/famille/retirer-co-representant";

function suite(resultat: ResultatAjout) {
  if (!resultat.ok) return { ok: false, errors: resultat.erreurs };
  revalidatePath("/famille");
  redirect(`/demandes/${resultat.numero}/enregistree`);
}

export const ajouterEnfantAction = actionUsager(
  "ajouterEnfant",
  saisieLibre,
  async ({ usager, values }) => suite(await demanderAjoutEnfant({ usagerId: usager.id, saisie: values })),
  { suite: "/famille/enfants/ajouter" },
);

export const ajouterCoRepresentantAction = actionUsager(
  "ajouterCoRepresentant",
  saisieLibre,
  async ({ usager, values }) => suite(await demanderAjoutCoRepresentant({ usagerId: usager.id, saisie: values })),
  { suite: "/famille/co-representant/ajouter" },
);

const retraitSchema = z.object({
  motif: z
    .string({ error: "Indiquez le motif du retrait." })
    .trim()
    .min(1, { error: "Indiquez le motif du retrait." })
    .max(1000, { error: "Le motif ne peut pas dépasser 1 000 caractères." }),
});

export const retirerCoRepresentantAction = actionUsager(
  "retirerCoRepresentant",
  retraitSchema,
  async ({ usager, data }) => {
    const { numero } = await demanderRetraitCoRepresentant({ usagerId: usager.id, motif: data.motif });
    revalidatePath("/famille");
    redirect(`/demandes/${numero}/enregistree`);
  },
  { suite: "/famille/co-representant/retirer" },
);
