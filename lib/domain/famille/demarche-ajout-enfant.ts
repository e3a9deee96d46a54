// SCAFFOLD (issue 26): the « Ajout d'un enfant » démarche; its engineer replaces this file whole.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { DefinitionDemarche } from "@/lib/domain/demande/demarche";

export const DEMARCHE_AJOUT_ENFANT = {
  type: "AJOUT_ENFANT",
  libelle: "Ajout d'un enfant",
  domaine: "Enfance",
  donnees: { version: 1, schema: z.object({}) },
  verifierDepot() {
    throw new AppError("indisponible", "Cette démarche n'est pas encore disponible.");
  },
  recap: { usager: async () => [], agent: async () => [] },
} satisfies DefinitionDemarche & { type: "AJOUT_ENFANT" };
