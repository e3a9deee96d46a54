// The agents' console on PostgreSQL: the search and filters of /agent/demandes (drafts never shown, 25 a
// page), garde alternée at acceptance (one Enfant in two Familles, a forged choice refused), and two agents
// accepting at once.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedCommune } from "@/prisma/seed";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import {
  demandePourAgent,
  lireFiltres,
  PAR_PAGE,
  rechercherDemandes,
  tableauDeBord,
} from "@/lib/domain/demande/queries-console";
import { agent, declarerFamille, ENFANT, usagerActive } from "./demande-fixtures";

beforeAll(() => seedCommune());

async function deposee(nom: string, enfants = [ENFANT]) {
  const usager = await usagerActive(nom);
  const demandeId = await declarerFamille(usager, enfants);
  const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
  return { usager, demandeId, numero };
}

const numeros = async (params: Record<string, string>) =>
  (await rechercherDemandes(lireFiltres(params, DEMARCHES).filtres)).demandes.map((d) => d.numero);

describe("the list of demandes", () => {
  it("searches by number, demandeur, declared names and clé enfance, filters, never shows a draft, pages by 25", async () => {
    const instructeur = await agent();
    const a = await deposee("Oyharçabal", [{ ...ENFANT, nom: "Oyharçabal", prenoms: "Ximun" }]);
    const b = await deposee("Lasalle", [{ ...ENFANT, nom: "Lasalle", prenoms: "Peio" }]);
    const brouillon = await usagerActive("Brouillonnet");
    await declarerFamille(brouillon, [{ ...ENFANT, nom: "Brouillonnet", prenoms: "Anaïs" }]);
    await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId: b.demandeId, decision: "accepter" });
    const cle = (await db().famille.findFirstOrThrow({ where: { demandes: { some: { id: b.demandeId } } } }))
      .cleEnfance;

    expect(await numeros({ q: String(a.numero) })).toEqual([a.numero]);
    expect(await numeros({ q: `N° ${b.numero}` })).toEqual([b.numero]);
    expect(await numeros({ q: "oyharçabal" })).toEqual([a.numero]);
    expect(await numeros({ q: "ximun" })).toEqual([a.numero]); // a child's name, inside the declaration
    expect(await numeros({ q: cle.toLowerCase().replace("-", "") })).toEqual([b.numero]);
    expect(await numeros({ q: "Brouillonnet" })).toEqual([]);
    expect(await numeros({ q: "Anaïs" })).toEqual([]);
    expect(await numeros({ q: "Lasalle", statut: "DEPOSEE" })).toEqual([]);
    expect(await numeros({ q: "Lasalle", statut: "ACCEPTEE", type: "AJOUT_FAMILLE" })).toEqual([b.numero]);
    expect(await numeros({ q: "Lasalle", type: "RATTACHEMENT_FAMILLE" })).toEqual([]);

    const demain = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const hier = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(await numeros({ q: "Oyharçabal", du: hier, au: demain })).toEqual([a.numero]);
    expect(await numeros({ q: "Oyharçabal", du: demain })).toEqual([]);
    expect(lireFiltres({ du: "2026-02-31" }, DEMARCHES).erreurs.du).toBe("Indiquez une date au format JJ/MM/AAAA.");

    // the queue: DEPOSEE only, oldest first; the agent's own instructions
    const tableau = await tableauDeBord(instructeur.id);
    expect(tableau.aTraiter.map((d) => d.numero)).toContain(a.numero);
    expect(tableau.aTraiter.map((d) => d.numero)).not.toContain(b.numero);
    const dates = tableau.aTraiter.map((d) => d.deposeeAt!.getTime());
    expect(dates).toEqual([...dates].sort((x, y) => x - y));
    await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId: a.demandeId, decision: "instruire" });
    expect((await tableauDeBord(instructeur.id)).mesInstructions.map((d) => d.numero)).toEqual([a.numero]);
  });

  it("pages by 25, the last page holding the rest", async () => {
    for (let i = 0; i < PAR_PAGE + 2; i++)
      await deposee(`Pagine${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}`, [
        { ...ENFANT, nom: "Paginé" },
      ]);
    const page1 = await rechercherDemandes(lireFiltres({ q: "Pagine" }, DEMARCHES).filtres);
    expect(page1).toMatchObject({ total: PAR_PAGE + 2, page: 1, pages: 2 });
    expect(page1.demandes).toHaveLength(PAR_PAGE);
    const page2 = await rechercherDemandes(lireFiltres({ q: "Pagine", page: "2" }, DEMARCHES).filtres);
    expect(page2.demandes).toHaveLength(2);
    expect(new Set([...page1.demandes, ...page2.demandes].map((d) => d.numero)).size).toBe(PAR_PAGE + 2);
    expect((await rechercherDemandes(lireFiltres({ q: "Pagine", page: "9" }, DEMARCHES).filtres)).page).toBe(2);
  });
});

describe("garde alternée at acceptance", () => {
  const ELOI = { ...ENFANT, nom: "Etchart-Bidart", prenoms: "Éloi", dateNaissance: "2018-03-04" };

  it("links the known Enfant to the second family: one Enfant in two Familles, the choice recorded", async () => {
    const instructeur = await agent();
    const premiere = await deposee("Etchart", [ELOI]);
    const seconde = await deposee("Bidart", [
      { ...ELOI, nom: "ETCHART BIDART", prenoms: "eloi" },
      { ...ENFANT, nom: "Bidart", prenoms: "Maddi", sexe: "FEMININ" },
    ]);
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: premiere.demandeId,
      decision: "accepter",
    });

    const vue = (await demandePourAgent(seconde.numero, DEMARCHES))!;
    expect(vue.rapprochements).toHaveLength(1);
    const [{ enfantRef, connus }] = vue.rapprochements as [(typeof vue.rapprochements)[number]];
    expect(connus).toMatchObject([{ prenoms: "Éloi", titulaires: ["Claire ETCHART"] }]);

    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: seconde.demandeId,
      decision: "accepter",
      rattachements: { [enfantRef]: connus[0]!.id },
    });
    const eloi = await db().enfant.findMany({
      where: { cleRapprochement: { contains: "eloi" } },
      include: { familles: true },
    });
    expect(eloi).toHaveLength(1);
    expect(eloi[0]!.familles).toHaveLength(2);
    const familleSeconde = await db().famille.findFirstOrThrow({
      where: { representants: { some: { usagerId: seconde.usager.id } } },
      include: { enfants: { include: { enfant: true } } },
    });
    expect(familleSeconde.enfants.map((e) => e.enfant.prenoms).sort()).toEqual(["Maddi", "Éloi"]);
    expect(
      await db().demandeRapprochement.findMany({ where: { demandeId: seconde.demandeId, enfantId: eloi[0]!.id } }),
    ).toMatchObject([{ enfantRef, decision: "RATTACHER" }]);
  });

  it("refuses a rattachement to a child who is not a candidate, and changes nothing", async () => {
    const instructeur = await agent();
    const autre = await deposee("Garat", [{ ...ENFANT, nom: "Garat", prenoms: "Beñat" }]);
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: autre.demandeId,
      decision: "accepter",
    });
    const etranger = await db().enfant.findFirstOrThrow({ where: { prenoms: "Beñat" } });
    const demande = await deposee("Sallaberry", [{ ...ENFANT, nom: "Sallaberry", prenoms: "Txomin" }]);
    const enfantRef = (await demandePourAgent(demande.numero, DEMARCHES))!.donnees as { enfants: { id: string }[] };

    await expect(
      deciderDemande({
        demarches: DEMARCHES,
        agent: instructeur,
        demandeId: demande.demandeId,
        decision: "accepter",
        rattachements: { [enfantRef.enfants[0]!.id]: etranger.id },
      }),
    ).rejects.toThrow(
      "L'enfant choisi pour le rattachement n'est pas un enfant possiblement déjà connu de cette demande.",
    );
    await expect(
      deciderDemande({
        demarches: DEMARCHES,
        agent: instructeur,
        demandeId: demande.demandeId,
        decision: "accepter",
        rattachements: { inconnu: etranger.id },
      }),
    ).rejects.toThrow(/pas un enfant possiblement déjà connu/);
    expect((await db().demande.findUniqueOrThrow({ where: { id: demande.demandeId } })).statut).toBe("DEPOSEE");
    expect(await db().familleEnfant.count({ where: { enfantId: etranger.id } })).toBe(1);
    expect(await db().representant.count({ where: { usagerId: demande.usager.id } })).toBe(0);
  });

  it("records CREER when the agent keeps the child apart", async () => {
    const instructeur = await agent();
    const premiere = await deposee("Haran", [{ ...ENFANT, nom: "Haran", prenoms: "Jon" }]);
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: premiere.demandeId,
      decision: "accepter",
    });
    const seconde = await deposee("Harana", [{ ...ENFANT, nom: "Haran", prenoms: "Jon" }]);
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId: seconde.demandeId,
      decision: "accepter",
    });
    expect(await db().enfant.count({ where: { prenoms: "Jon", nom: "Haran" } })).toBe(2);
    expect(await db().demandeRapprochement.findMany({ where: { demandeId: seconde.demandeId } })).toMatchObject([
      { decision: "CREER" },
    ]);
  });
});

describe("two agents accepting at once", () => {
  it("creates one family; the other agent is told who accepted it and when", async () => {
    const [maite, peio] = [await agent("Irigoyen"), await agent("Larralde")];
    const { usager, demandeId } = await deposee("Concurrent");
    const results = await Promise.allSettled([
      deciderDemande({ demarches: DEMARCHES, agent: maite, demandeId, decision: "accepter", statutVu: "DEPOSEE" }),
      deciderDemande({
        demarches: DEMARCHES,
        agent: { ...peio, prenom: "Peio" },
        demandeId,
        decision: "accepter",
        statutVu: "DEPOSEE",
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refus = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refus.reason.message).toMatch(
      /^Cette demande a déjà été traitée par (Maite Irigoyen|Peio Larralde) à \d\d:\d\d\.$/,
    );
    expect(await db().famille.count({ where: { representants: { some: { usagerId: usager.id } } } })).toBe(1);
    expect(await db().demandeHistorique.count({ where: { demandeId, transition: "accepter" } })).toBe(1);
  });
});
