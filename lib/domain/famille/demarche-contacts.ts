// SCAFFOLD (issue 26): the « Contacts et habilitations » démarche; its engineer replaces this file whole.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { DefinitionDemarche } from "@/lib/domain/demande/demarche";

export const DEMARCHE_CONTACTS_HABILITATIONS = {
  type: "CONTACTS_HABILITATIONS",
  libelle: "Contacts et habilitations",
  domaine: "Enfance",
  donnees: { version: 1, schema: z.object({}) },
  verifierDepot() {
    throw new AppError("indisponible", "Cette démarche n'est pas encore disponible.");
  },
  recap: { usager: async () => [], agent: async () => [] },
} satisfies DefinitionDemarche & { type: "CONTACTS_HABILITATIONS" };
