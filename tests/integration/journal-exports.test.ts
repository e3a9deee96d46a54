// The console's journal (agent actions, logins, health-data reads, demande decisions) and its filters, and the
// CSV exports' rows, on PostgreSQL. The CSV format itself (BOM, ";", dates, neutralised cells) is
// lib/csv-excel.test.ts; the download through the console is the e2e journey.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { seedCommune } from "@/prisma/seed";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { demandesAExporter, lireFiltres } from "@/lib/domain/demande/queries-console";
import { famillesAExporter } from "@/lib/domain/famille/queries-agent";
import { lireFiltresJournal, rechercherJournal, journalAExporter } from "@/lib/domain/journal/queries";
import type { Agent, Usager } from "@/lib/generated/prisma/client";
import { agent as creerAgent, declarerFamille, usagerActive } from "./demande-fixtures";

let maite: Agent;
let peio: Agent;
let claire: Usager;
let etchart: { id: string; cleEnfance: string; numero: number };
let duhalde: { id: string; cleEnfance: string; numero: number };

async function familleAcceptee(usager: Usager, par: Agent, nom: string) {
  const demandeId = await declarerFamille(usager, [
    { sexe: "FEMININ", nom, prenoms: "Louise", dateNaissance: "2021-02-03", memeAdresse: "on" },
  ]);
  await deposerDemande({ usagerId: usager.id, demandeId, demarches: DEMARCHES });
  await deciderDemande({
    demarches: DEMARCHES,
    agent: { id: par.id, prenom: par.prenom, nom: par.nom },
    demandeId,
    decision: "accepter",
  });
  const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId }, include: { famille: true } });
  return { id: demande.familleId!, cleEnfance: demande.famille!.cleEnfance, numero: demande.numero! };
}

beforeAll(async () => {
  await seedCommune();
  maite = await creerAgent("Irigoyen");
  peio = await creerAgent("Etcheverry");
  claire = await usagerActive("Etchart");
  etchart = await familleAcceptee(claire, maite, "Etchart");
  duhalde = await familleAcceptee(await usagerActive("Duhalde"), peio, "Duhalde");
  const louise = await db().familleEnfant.findFirstOrThrow({ where: { familleId: etchart.id } });
  await journal(db(), { event: "connexion.reussie", actorKind: "AGENT", actorId: maite.id, ip: "203.0.113.7" });
  await journal(db(), {
    event: "dossier_sante.lecture",
    actorKind: "AGENT",
    actorId: peio.id,
    details: { enfantId: louise.enfantId, versions: 1 },
  });
  // a parent's own event is not an agent's action: the console's journal does not list it
  await journal(db(), { event: "connexion.reussie", actorKind: "USAGER", actorId: claire.id });
});

describe("Journal", () => {
  it("lists an agent's logins and decisions, and nobody else's", async () => {
    const { entrees } = await rechercherJournal({ agentId: maite.id, page: 1 });
    expect(entrees.map((e) => [e.libelle, e.numero])).toEqual([
      ["Connexion", null],
      ["Demande acceptée", etchart.numero],
    ]);
    expect(entrees.every((e) => e.agentId === maite.id && e.agent === "Maite IRIGOYEN")).toBe(true);
  });

  it("filters by family, through a demande's number or a child's health-data read", async () => {
    const { filtres, refuse } = await lireFiltresJournal({ famille: etchart.cleEnfance.toLowerCase() });
    expect(refuse).toBe(false);
    const { entrees } = await rechercherJournal(filtres);
    expect(entrees.map((e) => e.libelle).sort()).toEqual(["Demande acceptée", "Lecture d'un dossier santé"]);
    expect(entrees.find((e) => e.libelle === "Demande acceptée")!.numero).toBe(etchart.numero);
  });

  it("says beside the field that a clé enfance names no family, instead of an empty journal", async () => {
    const { erreurs, refuse } = await lireFiltresJournal({ famille: "ZZZZ-ZZZZ" });
    expect(refuse).toBe(true);
    expect(erreurs.famille).toBe("Aucune famille n'a cette clé enfance.");
  });

  it("filters by calendar days in Paris, the last day included", async () => {
    const hier = new Date(Date.now() - 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
    const { filtres: avant } = await lireFiltresJournal({ au: hier });
    expect((await rechercherJournal(avant)).total).toBe(0);
    const aujourdhui = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
    const { filtres } = await lireFiltresJournal({ du: aujourdhui, au: aujourdhui });
    expect((await rechercherJournal(filtres)).total).toBe(4);
  });

  it("exports the same entries as the pages show, newest first", async () => {
    const { filtres } = await lireFiltresJournal({});
    const exportees = await journalAExporter(filtres);
    const { entrees } = await rechercherJournal(filtres);
    expect(exportees.map((e) => e.cle)).toEqual(entrees.map((e) => e.cle));
    expect(exportees.map((e) => e.agentId)).not.toContain(claire.id);
  });
});

describe("Exports", () => {
  it("exports every demande of the list's filter, with its family's clé enfance", async () => {
    const { filtres } = lireFiltres({ q: "Duhalde" }, DEMARCHES);
    const demandes = await demandesAExporter(filtres);
    expect(demandes.map((d) => [d.numero, d.famille?.cleEnfance])).toEqual([[duhalde.numero, duhalde.cleEnfance]]);
  });

  it("exports the families of the search, one line each with its titulaire's address and its children", async () => {
    const familles = await famillesAExporter("etchart");
    expect(familles).toHaveLength(1);
    expect(familles[0]!.cleEnfance).toBe(etchart.cleEnfance);
    expect(familles[0]!.representants[0]!.adresse.ville).toBe("Villefranque");
    expect(familles[0]!.enfants.map((e) => e.enfant.prenoms)).toEqual(["Louise"]);
  });
});
