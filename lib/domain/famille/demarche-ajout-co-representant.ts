// SCAFFOLD (issue 26): the « Ajout d'un co-représentant » démarche; its engineer replaces this file whole.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { DefinitionDemarche } from "@/lib/domain/demande/demarche";

export const DEMARCHE_AJOUT_CO_REPRESENTANT = {
  type: "AJOUT_CO_REPRESENTANT",
  libelle: "Ajout d'un co-représentant",
  domaine: "Enfance",
  donnees: { version: 1, schema: z.object({}) },
  verifierDepot() {
    throw new AppError("indisponible", "Cette démarche n'est pas encore disponible.");
  },
  recap: { usager: async () => [], agent: async () => [] },
} satisfies DefinitionDemarche & { type: "AJOUT_CO_REPRESENTANT" };
