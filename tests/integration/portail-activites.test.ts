// ACTIVITÉS kept by the agents, on PostgreSQL: a usager's id (or a disabled agent's) writes nothing; lieux,
// groupes and unités are added, renamed, and removed only while no inscription nor demande in progress chose
// them; the pièces an activity requires are what the next deposit requires; a closed year offers nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Before the storage module reads it: the pièces this file uploads go to a directory of its own.
vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/activites-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { commencerInscription, enregistrerInscription } from "@/lib/domain/inscription/brouillon";
import { activitesOffertes, catalogue } from "@/lib/domain/inscription/catalogue";
import { deposerPiece } from "@/lib/domain/piece/pieces";
import {
  ajouterElementActivite,
  changerOuvertureInscriptions,
  modifierDescriptionActivite,
  reglerPiecesActivite,
  renommerElementActivite,
  retirerElementActivite,
} from "@/lib/domain/portail/activites";
import type { ExigencePiece } from "@/lib/domain/portail/schemas";
import type { TypePiece } from "@/lib/generated/prisma/enums";
import { agent as creerAgent, usagerActive } from "./demande-fixtures";
import { familleValidee, piecesVues, reponses } from "./inscription-fixtures";

const PDF =
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const pdf = (nom: string) => new File([PDF], nom, { type: "application/pdf" });

let agentId: string;
let restauration: number;
let garderie: number;
let anneeId: number;

async function refus(promesse: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const exigences = (choix: Partial<Record<TypePiece, ExigencePiece>>): Record<TypePiece, ExigencePiece> => ({
  JUSTIFICATIF_DOMICILE: "NON_DEMANDEE",
  LIVRET_FAMILLE: "NON_DEMANDEE",
  JUGEMENT_SEPARATION: "NON_DEMANDEE",
  ACTE_NAISSANCE: "NON_DEMANDEE",
  ATTESTATION_CAF: "NON_DEMANDEE",
  RESPONSABILITE_CIVILE: "NON_DEMANDEE",
  CALENDRIER_GARDE: "NON_DEMANDEE",
  ...choix,
});

/** Everything the commands may write, to see that a refused caller wrote nothing. */
async function etat() {
  return {
    activites: await db().activite.findMany({ orderBy: { id: "asc" } }),
    lieux: await db().lieu.findMany({ orderBy: { id: "asc" } }),
    groupes: await db().groupe.count(),
    unites: await db().unite.findMany({ orderBy: { id: "asc" } }),
    pieces: await db().activitePiece.findMany({ orderBy: [{ activiteId: "asc" }, { type: "asc" }] }),
    annees: await db().anneeScolaire.findMany(),
    journal: await db().journalEntry.count(),
  };
}

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  agentId = (await creerAgent("Activites")).id;
  restauration = (await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } })).id;
  garderie = (await db().activite.findUniqueOrThrow({ where: { code: "GARDERIE_PUBLIQUE" } })).id;
  anneeId = (await db().anneeScolaire.findFirstOrThrow({ where: { libelle: "2026-2027" } })).id;
});

describe("autorisation", () => {
  it("a usager's id, a disabled agent's or a made-up one is refused by every command, and nothing is written", async () => {
    const usager = await usagerActive("Intrus");
    const inactif = await creerAgent("Inactif");
    await db().agent.update({ where: { id: inactif.id }, data: { active: false } });
    const lieu = (await db().lieu.findFirstOrThrow({ where: { activiteId: restauration } })).id;
    const avant = await etat();

    for (const intrus of [usager.id, inactif.id, "pas-un-id"]) {
      await refus(
        modifierDescriptionActivite({ agentId: intrus, activiteId: restauration, description: "Piratée" }),
        "interdit",
      );
      await refus(
        ajouterElementActivite({ agentId: intrus, activiteId: restauration, sorte: "lieu", libelle: "Ailleurs" }),
        "interdit",
      );
      await refus(
        renommerElementActivite({ agentId: intrus, sorte: "lieu", id: lieu, libelle: "Ailleurs" }),
        "interdit",
      );
      await refus(retirerElementActivite({ agentId: intrus, sorte: "lieu", id: lieu }), "interdit");
      await refus(
        reglerPiecesActivite({ agentId: intrus, activiteId: restauration, exigences: exigences({}) }),
        "interdit",
      );
      await refus(changerOuvertureInscriptions({ agentId: intrus, anneeId, ouvertes: false }), "interdit");
    }
    expect(await etat()).toEqual(avant);
  });
});

describe("the catalogue", () => {
  it("an agent rewrites a description, adds, renames and removes lieux, groupes and unités; names stay unique; each step is journaled", async () => {
    await modifierDescriptionActivite({
      agentId,
      activiteId: restauration,
      description: "Le repas de midi, préparé sur place.",
    });

    const { id: salle } = await ajouterElementActivite({
      agentId,
      activiteId: restauration,
      sorte: "lieu",
      libelle: "Salle polyvalente",
    });
    const doublon = await refus(
      ajouterElementActivite({ agentId, activiteId: restauration, sorte: "lieu", libelle: "salle POLYVALENTE" }),
      "existe",
    );
    expect(doublon).toMatchObject({ field: "libelle", message: "Ce lieu existe déjà pour cette activité." });
    await renommerElementActivite({ agentId, sorte: "lieu", id: salle, libelle: "Salle des fêtes" });
    await ajouterElementActivite({
      agentId,
      activiteId: restauration,
      sorte: "groupe",
      libelle: "Toute petite section",
    });
    const { id: sansPorc } = await ajouterElementActivite({
      agentId,
      activiteId: restauration,
      sorte: "unite",
      libelle: "Menu sans porc",
    });
    await refus(
      renommerElementActivite({ agentId, sorte: "unite", id: sansPorc, libelle: "menu végétarien" }),
      "existe",
    );

    const activite = (await catalogue()).find((a) => a.id === restauration)!;
    expect(activite.description).toBe("Le repas de midi, préparé sur place.");
    expect(activite.lieux.map((l) => l.nom)).toEqual(["École publique de Villefranque", "Salle des fêtes"]);
    expect(activite.groupes.at(-1)?.libelle).toBe("Toute petite section");
    expect(activite.unites.at(-1)).toMatchObject({ libelle: "Menu sans porc", code: "MENU_SANS_PORC" });

    await retirerElementActivite({ agentId, sorte: "lieu", id: salle });
    await refus(retirerElementActivite({ agentId, sorte: "lieu", id: salle }), "introuvable");
    expect((await catalogue()).find((a) => a.id === restauration)!.lieux.map((l) => l.nom)).toEqual([
      "École publique de Villefranque",
    ]);
    // the last lieu stays: parents must have one to choose
    const dernier = (await db().lieu.findFirstOrThrow({ where: { activiteId: restauration } })).id;
    expect((await refus(retirerElementActivite({ agentId, sorte: "lieu", id: dernier }), "dernier")).field).toBe(
      "libelle",
    );

    const evenements = await db().journalEntry.findMany({
      where: { actorId: agentId, event: { startsWith: "activite." } },
      orderBy: { createdAt: "asc" },
    });
    expect(evenements.map((e) => e.event)).toEqual([
      "activite.description_modifiee",
      "activite.element_ajoute",
      "activite.element_renomme",
      "activite.element_ajoute",
      "activite.element_ajoute",
      "activite.element_retire",
    ]);
  });

  it("a lieu, groupe or unité a draft chose cannot be removed, with a French message beside the name", async () => {
    const { usager, enfantId, contactId } = await familleValidee("Larralde");
    const demandeId = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: restauration });
    const choix = await reponses(restauration, contactId);
    await enregistrerInscription({ usagerId: usager.id, demandeId, values: choix, etape2: false });

    const lieu = await refus(retirerElementActivite({ agentId, sorte: "lieu", id: Number(choix.lieu) }), "utilise");
    expect(lieu).toMatchObject({
      field: "libelle",
      message:
        "Ce lieu est choisi par une inscription ou une demande en cours : il ne peut pas être retiré, mais vous pouvez le renommer.",
    });
    await refus(retirerElementActivite({ agentId, sorte: "groupe", id: Number(choix.groupe) }), "utilise");
    const unite = await refus(retirerElementActivite({ agentId, sorte: "unite", id: Number(choix.unite) }), "utilise");
    expect(unite.message).toMatch(/^Cette unité est choisie par une inscription/);
    expect(await db().lieu.count({ where: { id: Number(choix.lieu) } })).toBe(1);

    // a groupe nobody chose goes
    const libre = (await db().groupe.findFirstOrThrow({ where: { activiteId: restauration, libelle: "CM2" } })).id;
    await retirerElementActivite({ agentId, sorte: "groupe", id: libre });
    expect(await db().groupe.count({ where: { id: libre } })).toBe(0);
  });
});

describe("pièces justificatives", () => {
  it("a changed requirement is what the next deposit requires; the accepted inscription then keeps its lieu", async () => {
    const { usager, instructeur, enfantId, contactId } = await familleValidee("Hirigoyen");
    // the draft is started under the seed's rule (justificatif de domicile and livret de famille required)
    const demandeId = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: garderie });

    await reglerPiecesActivite({
      agentId,
      activiteId: garderie,
      exigences: exigences({
        JUSTIFICATIF_DOMICILE: "OBLIGATOIRE",
        ATTESTATION_CAF: "OBLIGATOIRE",
        ACTE_NAISSANCE: "FACULTATIVE",
      }),
    });
    expect(
      await db().activitePiece.findMany({
        where: { activiteId: garderie },
        orderBy: { type: "asc" },
        select: { type: true, obligatoire: true },
      }),
    ).toEqual([
      { type: "JUSTIFICATIF_DOMICILE", obligatoire: true },
      { type: "ACTE_NAISSANCE", obligatoire: false },
      { type: "ATTESTATION_CAF", obligatoire: true },
    ]);

    await deposerPiece({ usagerId: usager.id, type: "JUSTIFICATIF_DOMICILE", fichier: pdf("domicile.pdf"), demandeId });
    const choix = await reponses(garderie, contactId);
    const sansCaf = await enregistrerInscription({ usagerId: usager.id, demandeId, values: choix, etape2: true });
    expect(sansCaf.manques?.pieces).toEqual(["Attestation CAF avec le QF"]);
    await expect(deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId })).rejects.toThrow(
      "Pièces à fournir avant d'aller à l'étape 2 : Attestation CAF avec le QF",
    );

    // the livret de famille, no longer asked, is not missed
    await deposerPiece({ usagerId: usager.id, type: "ATTESTATION_CAF", fichier: pdf("caf.pdf"), demandeId });
    expect(await enregistrerInscription({ usagerId: usager.id, demandeId, values: choix, etape2: true })).toEqual({
      manques: null,
      etape2: true,
    });
    await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId,
      decision: "accepter",
      piecesNonVerifiees: await piecesVues(demandeId),
    });

    const inscription = await db().inscription.findUniqueOrThrow({ where: { demandeId } });
    expect(
      (await refus(retirerElementActivite({ agentId, sorte: "lieu", id: inscription.lieuId }), "utilise")).message,
    ).toMatch(/^Ce lieu est choisi par une inscription ou une demande en cours/);
    expect(await db().journalEntry.count({ where: { actorId: agentId, event: "activite.pieces_reglees" } })).toBe(1);
  });
});

describe("inscriptions ouvertes", () => {
  it("closing the year offers no activity on CRÉER UNE INSCRIPTION and starts no draft; opening it again offers them", async () => {
    const { usager, familleId, enfantId } = await familleValidee("Mendiburu");
    expect(
      (await activitesOffertes({ familleId, ajoutFamilleId: null })).enfants[0]!.activites.map((a) => a.id),
    ).toContain(restauration);

    await changerOuvertureInscriptions({ agentId, anneeId, ouvertes: false });
    expect(await activitesOffertes({ familleId, ajoutFamilleId: null })).toEqual({ annee: null, enfants: [] });
    await refus(commencerInscription({ usagerId: usager.id, enfantId, activiteId: restauration }), "fermee");

    await changerOuvertureInscriptions({ agentId, anneeId, ouvertes: true });
    expect((await activitesOffertes({ familleId, ajoutFamilleId: null })).annee?.libelle).toBe("2026-2027");
    const evenements = await db().journalEntry.findMany({
      where: { actorId: agentId, event: { startsWith: "annee." } },
      orderBy: { createdAt: "asc" },
    });
    expect(evenements.map((e) => e.event)).toEqual(["annee.inscriptions_fermees", "annee.inscriptions_ouvertes"]);
  });
});
