// Démarches a space may have only one of in progress (changement d'adresse, suppression de l'espace, rattachement
// à une famille): the demande is created and deposited in one transaction, and a partial unique index settles
// the race, so ten simultaneous submissions (a double click, two tabs), each on its own connection, make one
// demande, and a deposit that fails leaves no draft behind.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { demanderChangementAdresse } from "@/lib/domain/famille/changement-adresse";
import { adresseSchema, type AdresseSaisie } from "@/lib/domain/famille/schemas";
import { saisirCleEnfance } from "@/lib/domain/famille/rattacher";
import { demanderSuppressionEspace } from "@/lib/domain/usager/supprimer";
import type { TypeDemande, Usager } from "@/lib/generated/prisma/client";
import { seedCommune } from "@/prisma/seed";
import { agent, declarerFamille, usagerActive } from "./demande-fixtures";

// lib/db.ts reads it at its first call: enough connections for the submissions to really run side by side
process.env.DATABASE_POOL_SIZE = "12";
const SIMULTANES = 10;
const MDP = "Villefranque-64990!";

beforeAll(() => seedCommune());

/** A space whose family the agents validated; its password is MDP. */
async function parentDeFamille(): Promise<Usager> {
  const usager = await usagerActive();
  const demandeId = await declarerFamille(usager);
  await deposerDemande({ usagerId: usager.id, demandeId, demarches: DEMARCHES });
  await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId, decision: "accepter" });
  return db().usager.update({ where: { id: usager.id }, data: { passwordHash: await hashPassword(MDP) } });
}

const adresse = adresseSchema.parse({
  adresseNumero: "12",
  adresseVoie: "Chemin d'Arbonne",
  codePostal: "64200",
  ville: "Biarritz",
  pays: "France",
  codeInsee: "64122",
});

/** Fires the same submission SIMULTANES times at once; the codes of the refusals, "ok" for a success. */
async function enMemeTemps(soumettre: () => Promise<unknown>): Promise<string[]> {
  const resultats = await Promise.allSettled(Array.from({ length: SIMULTANES }, soumettre));
  return resultats.map((r) => (r.status === "fulfilled" ? "ok" : String((r.reason as { code?: string }).code)));
}

const demandes = (usagerId: string, type: TypeDemande) =>
  db().demande.findMany({ where: { usagerId, type }, select: { numero: true, statut: true } });

describe("one demande in progress per space, whatever the number of simultaneous submissions", () => {
  it("Changement d'adresse: ten submissions at once deposit one demande, the others are told its number", async () => {
    const usager = await parentDeFamille();
    const resultats = await Promise.allSettled(
      Array.from({ length: SIMULTANES }, () => demanderChangementAdresse({ usagerId: usager.id, adresse })),
    );
    const deposees = await demandes(usager.id, "CHANGEMENT_ADRESSE");
    expect(deposees).toHaveLength(1);
    expect(deposees[0]!.statut).toBe("DEPOSEE");
    expect(resultats.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const refus of resultats.filter((r) => r.status === "rejected")) {
      expect(refus.reason).toMatchObject({
        code: "en_cours",
        message: `Votre demande de changement d'adresse N° ${deposees[0]!.numero} est déjà en cours d'instruction.`,
      });
    }
  });

  it("Supprimer mon espace: ten submissions at once deposit one demande", async () => {
    const usager = await parentDeFamille();
    const codes = await enMemeTemps(() =>
      demanderSuppressionEspace({ usager, motDePasse: MDP, motif: "Déménagement", ip: "198.51.100.40" }),
    );
    expect(await demandes(usager.id, "SUPPRESSION_ESPACE")).toEqual([
      { numero: expect.any(Number), statut: "DEPOSEE" },
    ]);
    expect(codes.filter((code) => code === "ok")).toHaveLength(1);
    // the others: the demande already in progress, or the password throttle (each try is counted before it is checked)
    expect(codes.filter((code) => code !== "ok" && code !== "en_cours" && code !== "trop_essais")).toEqual([]);
  });

  it("Rattachement: ten submissions of the same clé enfance at once deposit one demande", async () => {
    const titulaire = await parentDeFamille();
    const { cleEnfance } = await db().famille.findFirstOrThrow({
      where: { representants: { some: { usagerId: titulaire.id } } },
    });
    const autre = await usagerActive("Bidart");
    const codes = await enMemeTemps(() => saisirCleEnfance({ usager: autre, saisie: cleEnfance, ip: "198.51.100.41" }));
    expect(await demandes(autre.id, "RATTACHEMENT_FAMILLE")).toEqual([
      { numero: expect.any(Number), statut: "DEPOSEE" },
    ]);
    expect(codes.sort()).toEqual([...Array(SIMULTANES - 1).fill("en_cours"), "ok"]);
  });

  it("a deposit that fails leaves no draft behind", async () => {
    const usager = await parentDeFamille();
    const incomplete = { ...adresse, adresseVoie: "" } as AdresseSaisie;
    await expect(demanderChangementAdresse({ usagerId: usager.id, adresse: incomplete })).rejects.toMatchObject({
      code: "incomplete",
    });
    expect(await demandes(usager.id, "CHANGEMENT_ADRESSE")).toEqual([]);
  });
});
