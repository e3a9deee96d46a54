// The demo's Monday at the console: what an agent meets opening it on a school morning. Five more families of
// the public school (declared, accepted and enrolled through the démarches' own commands), booked at the canteen
// and the evening garderie for three weeks either side of today; last week's pointage (everyone present but
// one child absent with nothing declared: the absence to follow up); the kitchen orders frozen as the cutoff
// job would; and, this morning, three absences declared: one « malade ce matin », one waiting for its medical
// certificate, one justified and accepted. Dates are relative to `now`, so the demo looks the same whatever day
// it is started (within the school year; outside it, no day opens and nothing is written). Idempotent.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { declarerAbsence, maladeCeMatin } from "@/lib/domain/absence/declarer";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { pointer } from "@/lib/domain/pointage/pointer";
import { ajouterJours, dateDeJour, instantParis, jourDeDate, jourParis, jourSemaine } from "@/lib/temps/jours";
import { declarerFamille, titulaireDe } from "@/prisma/demo-familles";
import { reserverJours } from "@/prisma/demo-facturation";
import { inscrire } from "@/prisma/demo-reservations";

type AgentDemo = { id: string; prenom: string; nom: string };

/** The families, their child, and what happens to each. */
export const FAMILLES_QUOTIDIEN = [
  { nom: "Aguerre", prenom: "Maialen", enfant: "Maddi", sexe: "FEMININ" },
  { nom: "Bidart", prenom: "Xabier", enfant: "Peio", sexe: "MASCULIN" }, // waits for the medical certificate
  { nom: "Curutchet", prenom: "Amaia", enfant: "Ane", sexe: "FEMININ" }, // « malade ce matin »
  { nom: "Etcheverry", prenom: "Beñat", enfant: "Mattin", sexe: "MASCULIN" }, // justified, accepted
  { nom: "Harriet", prenom: "Nahia", enfant: "Elaia", sexe: "FEMININ" }, // absent last week, nothing declared
] as const;

const identifiant = (nom: string) => `famille.${nom.toLowerCase()}`;
const CERTIFICAT = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

export async function seedQuotidienDemo(agent: AgentDemo, now = new Date()): Promise<void> {
  if (await db().usager.findUnique({ where: { identifiantNormalise: identifiant(FAMILLES_QUOTIDIEN[0].nom) } })) return;
  const activite = (code: string) =>
    db().activite.findUniqueOrThrow({ where: { code }, include: { unites: { orderBy: { ordre: "asc" } } } });
  const [cantine, garderie] = await Promise.all([activite("RESTAURATION_PUBLIQUE"), activite("GARDERIE_PUBLIQUE")]);
  const aujourdhui = jourParis(now);
  const du = ajouterJours(aujourdhui, -21);
  const au = ajouterJours(aujourdhui, 21);
  const ouverts = await db().jourOuverture.findMany({
    where: { uniteId: cantine.unites[0]!.id, date: { gte: dateDeJour(du), lte: dateDeJour(au) } },
    select: { date: true },
    distinct: ["date"],
    orderBy: { date: "asc" },
  });
  const jours = ouverts.map((o) => jourDeDate(o.date));
  const avant = jours.filter((j) => j < aujourdhui);
  const apres = jours.filter((j) => j > aujourdhui);
  if (avant.length === 0 || apres.length < 2) return;

  const enfants = [];
  for (const famille of FAMILLES_QUOTIDIEN)
    enfants.push(await familleInscrite(famille, agent, [cantine.id, garderie.id]));
  const [, bidart, curutchet, etcheverry, harriet] = enfants as [Inscrit, Inscrit, Inscrit, Inscrit, Inscrit];
  await reserverJours(
    enfants.flatMap((e) => [
      { ...e, inscriptionId: e.inscriptions[0]!, uniteId: cantine.unites[0]!.id, du, au },
      { ...e, inscriptionId: e.inscriptions[1]!, uniteId: garderie.unites.at(-1)!.id, du, au },
    ]),
  );
  // the kitchen orders whose cutoff has passed, as the job would have frozen them
  await figerCommandes(now);

  // last week's pointage (or the last four service days, after the holidays), marked on the day
  const lundi = ajouterJours(aujourdhui, 1 - jourSemaine(aujourdhui));
  const semaine = avant.filter((j) => j >= ajouterJours(lundi, -7) && j < lundi);
  const pointes = semaine.length > 0 ? semaine : avant.slice(-4);
  for (const jour of pointes) {
    const reservations = await db().reservation.findMany({
      where: { enfantId: { in: enfants.map((e) => e.enfantId) }, date: dateDeJour(jour), statut: "RESERVEE" },
      select: { enfantId: true, uniteId: true, jour: { select: { lieuId: true } } },
    });
    for (const r of reservations) {
      const absent = r.enfantId === harriet.enfantId && jour === pointes.at(-1);
      await pointer({
        agentId: agent.id,
        enfantId: r.enfantId,
        uniteId: r.uniteId,
        lieuId: r.jour.lieuId,
        date: jour,
        etat: absent ? "ABSENT" : "PRESENT",
        now: instantParis(jour, r.uniteId === cantine.unites[0]!.id ? "12:15" : "17:30"),
      });
    }
  }

  // this morning (before the « malade ce matin » hour): three absences declared
  const matin = new Date(Math.min(now.getTime(), instantParis(aujourdhui, "07:50").getTime()));
  const serviceAujourdhui = jours.includes(aujourdhui);
  await maladeCeMatin({
    usagerId: curutchet.usagerId,
    enfantId: curutchet.enfantId,
    // on a day without service, the last service day's morning
    now: serviceAujourdhui ? matin : instantParis(avant.at(-1)!, "07:50"),
  });
  await declarerAbsence({
    usagerId: bidart.usagerId,
    enfantId: bidart.enfantId,
    debut: apres[0]!,
    fin: apres[1]!,
    motif: "MALADIE",
    precision: "Varicelle",
    now: matin,
  });
  const { numero } = await declarerAbsence({
    usagerId: etcheverry.usagerId,
    enfantId: etcheverry.enfantId,
    debut: apres[0]!,
    fin: apres[0]!,
    motif: "RENDEZ_VOUS_MEDICAL",
    justificatif: { bytes: new TextEncoder().encode(CERTIFICAT), mime: "application/pdf", nom: "convocation.pdf" },
    now: matin,
  });
  const { id: demandeId } = await db().demande.findUniqueOrThrow({ where: { numero } });
  await deciderDemande({ demarches: DEMARCHES, agent, demandeId, decision: "accepter" });
}

type Inscrit = { usagerId: string; enfantId: string; familleId: string; inscriptions: string[] };

/** A space, its family declared and accepted, its child enrolled in each activity (the démarches' commands). */
async function familleInscrite(
  famille: (typeof FAMILLES_QUOTIDIEN)[number],
  agent: AgentDemo,
  activites: number[],
): Promise<Inscrit> {
  const usager = await db().usager.create({
    data: {
      identifiant: identifiant(famille.nom),
      identifiantNormalise: identifiant(famille.nom),
      courriel: `${identifiant(famille.nom)}@exemple.fr`,
      courrielNormalise: `${identifiant(famille.nom)}@exemple.fr`,
      // nobody logs in to these spaces: a password nobody knows
      passwordHash: await hashPassword(randomUUID()),
      civilite: famille.sexe === "FEMININ" ? "MADAME" : "MONSIEUR",
      nomUsage: famille.nom,
      prenoms: famille.prenom,
      dateNaissance: new Date("1987-06-15T00:00:00Z"),
      adresseNumero: "3",
      adresseVoie: "Chemin de Lissalde",
      codePostal: "64990",
      ville: "Villefranque",
      pays: "France",
      mobile: "0611223344",
      cguVersion: 1,
      cguAcceptedAt: new Date(),
      activatedAt: new Date(),
    },
  });
  const demandeId = await declarerFamille(usager, {
    titulaire: titulaireDe(usager, famille.sexe === "FEMININ" ? "MERE" : "PERE"),
    enfants: [
      { sexe: famille.sexe, nom: famille.nom, prenoms: famille.enfant, dateNaissance: "2018-10-02", memeAdresse: "on" },
    ],
  });
  await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
  await deciderDemande({ demarches: DEMARCHES, agent, demandeId, decision: "accepter" });
  const { enfantId, familleId } = await db().familleEnfant.findFirstOrThrow({
    where: { famille: { representants: { some: { usagerId: usager.id } } } },
  });
  const inscriptions: string[] = [];
  for (const activiteId of activites)
    inscriptions.push(await inscrire({ usagerId: usager.id, enfantId, activiteId, agent }));
  return { usagerId: usager.id, enfantId, familleId, inscriptions };
}
