"use server";
// The Paramétrage des réservations' commands: administrators only, each one transaction journaled with its author.

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { maintenant } from "@/lib/web/horloge";
import { lireOctetsCalendrier } from "@/lib/domain/calendrier/generation";
import { estJour } from "@/lib/temps/jours";
import { ajouterJour } from "@/lib/domain/calendrier/ajouter-jour";
import { enregistrerJours } from "@/lib/domain/calendrier/enregistrer-jours";
import { fermer } from "@/lib/domain/calendrier/fermer";
import { importerCalendrierScolaire } from "@/lib/domain/calendrier/importer-calendrier-scolaire";
import { modifierAnnee } from "@/lib/domain/calendrier/modifier-annee";
import { modifierDelais } from "@/lib/domain/calendrier/modifier-delais";
import { modifierRegles } from "@/lib/domain/reservation/modifier-regles";
import { modifierZone } from "@/lib/domain/calendrier/modifier-zone";
import { retirerJour } from "@/lib/domain/calendrier/retirer-jour";
import {
  anneeSchema,
  capacitesDuFormulaire,
  delaisSchema,
  generationSchema,
  joursCoches,
  jourSchema,
  reglesSchema,
} from "@/lib/domain/calendrier/schemas";
import { zoneSchema } from "@/lib/domain/calendrier/zones";

const ADMIN = { role: "ADMIN" } as const;
const PAGE = "/agent/parametrage/reservations";
const s = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;

export const enregistrerJoursAction = actionAgent(
  "enregistrerJours",
  generationSchema,
  async ({ agent, data, values }) => {
    const { activiteId, anneeId, uniteId, lieuId } = data;
    const joursSemaine = joursCoches(values);
    const { ajoutes, retires } = await enregistrerJours({
      activiteId,
      anneeId,
      uniteId,
      lieuId,
      joursSemaine: joursSemaine.length > 0 ? joursSemaine : [],
      agentId: agent.id,
    });
    revalidatePath(PAGE);
    return {
      message: `Jours d'ouverture enregistrés : ${s(ajoutes, "jour")} ajouté${ajoutes > 1 ? "s" : ""}, ${s(retires, "jour")} retiré${retires > 1 ? "s" : ""} (par unité et lieu).`,
    };
  },
  ADMIN,
);

export const modifierJourAction = actionAgent(
  "modifierJour",
  jourSchema,
  async ({ agent, data }) => {
    const cible = { activiteId: data.activiteId, date: data.jour, uniteId: data.uniteId, lieuId: data.lieuId };
    if (data.operation === "ajouter") {
      const { ajoutes } = await ajouterJour({ ...cible, agentId: agent.id });
      revalidatePath(PAGE);
      return {
        message:
          ajoutes > 0
            ? `Jour ouvert : ${s(ajoutes, "jour")} d'ouverture ajouté${ajoutes > 1 ? "s" : ""}.`
            : "Ce jour était déjà ouvert.",
      };
    }
    const { retires } = await retirerJour({ ...cible, agentId: agent.id });
    revalidatePath(PAGE);
    return { message: `Jour retiré : ${s(retires, "jour")} d'ouverture supprimé${retires > 1 ? "s" : ""}.` };
  },
  ADMIN,
);

const fermetureSchema = z.object({
  date: z.string().refine(estJour, "Indiquez une date valide."),
  type: z.enum(["PONT", "GREVE", "EXCEPTIONNEL"], { message: "Choisissez le motif." }),
  libelle: z.string().trim().min(1, "Indiquez le libellé affiché aux familles.").max(100),
});

export const fermerAction = actionAgent(
  "fermer",
  fermetureSchema,
  async ({ agent, data }) => {
    await fermer({ ...data, agentId: agent.id });
    revalidatePath(PAGE);
    return { message: "La fermeture est enregistrée : ce jour n'est plus réservable." };
  },
  ADMIN,
);

export const importerCalendrierAction = actionAgent(
  "importerCalendrier",
  z.object({}),
  async ({ agent, formData }) => {
    const fichier = formData.get("fichier");
    if (!(fichier instanceof File) || fichier.size === 0) {
      return {
        ok: false,
        values: {},
        errors: { fichier: "Choisissez le fichier JSON ou CSV du calendrier scolaire." },
      };
    }
    const lecture = lireOctetsCalendrier(new Uint8Array(await fichier.arrayBuffer()));
    if (!lecture.ok) return { ok: false, values: {}, errors: { fichier: lecture.message } };
    const { importees, autresZones, ignorees, annees } = await importerCalendrierScolaire({
      donnees: lecture.lignes,
      agentId: agent.id,
    });
    revalidatePath(PAGE);
    return {
      message:
        `Calendrier scolaire importé : ${s(importees, "période")} de vacances (${annees.join(", ")}).` +
        (autresZones > 0 ? ` ${s(autresZones, "période")} des autres zones gardée${autresZones > 1 ? "s" : ""}.` : "") +
        (ignorees > 0
          ? ` ${s(ignorees, "ligne")} illisible${ignorees > 1 ? "s" : ""} ignorée${ignorees > 1 ? "s" : ""}.`
          : ""),
    };
  },
  ADMIN,
);

export const modifierZoneAction = actionAgent(
  "modifierZone",
  zoneSchema,
  async ({ agent, data, values }) => {
    const { modifiee } = await modifierZone({ zone: data.zoneScolaire, agentId: agent.id });
    revalidatePath(PAGE);
    return {
      message: modifiee
        ? `Zone enregistrée : ${data.zoneScolaire}. Les jours d'ouverture déjà enregistrés ne changent pas : régénérez ceux de chaque activité (avec l'aperçu).`
        : `La commune est déjà en ${data.zoneScolaire} : rien n'a changé.`,
      values,
    };
  },
  ADMIN,
);

export const modifierDelaisAction = actionAgent(
  "modifierDelais",
  delaisSchema,
  async ({ agent, data, values }) => {
    await modifierDelais({ ...data, agentId: agent.id });
    revalidatePath(PAGE);
    return { message: "Les délais sont enregistrés.", values };
  },
  ADMIN,
);

export const modifierAnneeAction = actionAgent(
  "modifierAnnee",
  anneeSchema,
  async ({ agent, data, values }) => {
    await modifierAnnee({ ...data, agentId: agent.id });
    revalidatePath(PAGE);
    // the opening of bookings is announced on Activités (served from the cache, lib/coquille.ts)
    revalidatePath("/activites");
    return { message: "Les dates de l'année scolaire sont enregistrées.", values };
  },
  ADMIN,
);

export const modifierReglesAction = actionAgent(
  "modifierRegles",
  reglesSchema,
  async ({ agent, data, values }) => {
    const { capacites, errors } = capacitesDuFormulaire(values);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    await modifierRegles({
      activiteId: data.activiteId,
      validation: data.validation,
      capacites,
      agentId: agent.id,
      now: await maintenant(),
    });
    revalidatePath(PAGE);
    return { message: "La validation et les capacités sont enregistrées.", values };
  },
  ADMIN,
);
