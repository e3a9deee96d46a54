// The PES bench: 2,500 invoices of November 2026 (one per family, two lines of about ten days each), half of them
// debited through the comptable (an active mandate, its IBAN encrypted, a debit pre-notified), and 50 avoirs.
// Timed: « Générer le bordereau PES » (the titles numbered, the file built from the database, 1,250 IBANs
// decrypted, checked and written in ISO-8859-1, in one transaction); budget under 5 s. Then, timed apart, the
// download (the same file made again from the bordereau and checked), under 5 s too; its pièces and debits are
// counted in the bytes.
//
// Runs alone: `tsx --import ./scripts/server-only-hors-next.mjs scripts/bench/pes.ts`, on a throwaway PostgreSQL
// cluster (the integration tests' one) or on BENCH_DATABASE_URL (a database it may fill).
// Exit code: 0 within budget, 1 over it, 2 when the bench could not run.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { adminQuery, databaseUrl, startCluster, type Cluster } from "../../tests/integration/global-setup";
import { applyMigrations } from "../migrate-engine";

export const BUDGET_PES_MS = 5_000;
const FACTURES = 2_500;
const AVOIRS = 50;

/** A valid French IBAN for the n-th family (the check digits computed as a bank does). */
function iban(n: number): string {
  const bban = `3000100794${String(n).padStart(11, "0")}${String(n % 97).padStart(2, "0")}`;
  let reste = 0;
  for (const c of `${bban}152700`) reste = (reste * 10 + Number(c)) % 97;
  return `FR${String(98 - reste).padStart(2, "0")}${bban}`;
}

/** The school days of November 2026 from the n-th, `nombre` of them. */
function jours(depart: number, nombre: number): string[] {
  const ouvres: string[] = [];
  for (let j = 2; j <= 30; j++) {
    const jour = `2026-11-${String(j).padStart(2, "0")}`;
    const semaine = new Date(`${jour}T00:00:00Z`).getUTCDay();
    if (semaine !== 0 && semaine !== 6 && semaine !== 3 && jour !== "2026-11-11") ouvres.push(jour);
  }
  return ouvres.slice(depart % 4, (depart % 4) + nombre);
}

type Mesures = {
  genererMs: number;
  fichierMs: number;
  lectureMs: number;
  pieces: number;
  debits: number;
  octets: number;
};

async function peupler() {
  const { db } = await import("../../lib/db");
  const { seedCommune } = await import("../../prisma/seed");
  const { seedActivites } = await import("../../prisma/demo-activites");
  const { creerFoyers } = await import("../../prisma/demo-facturation");
  const { inserer } = await import("../../lib/inserer");
  const { COLONNES_FACTURE, COLONNES_LIGNE_FACTURE } = await import("../../lib/domain/facturation/colonnes");
  await seedCommune();
  await seedActivites("Villefranque");
  const cantine = await db().activite.findUniqueOrThrow({
    where: { code: "RESTAURATION_PUBLIQUE" },
    include: { unites: true },
  });
  const foyers = await creerFoyers({ nombre: FACTURES, enfantsParFoyer: 1, activiteIds: [cantine.id], nom: "Bench" });
  const usager = await db().usager.findFirstOrThrow({ select: { id: true } });
  const reglages = { idPost: "0640001", siret: "21640557500012", codCol: "064", codBud: "00", codProdLoc: "RS" };
  await db().parametresPes.upsert({ where: { id: 1 }, create: { id: 1, ...reglages }, update: reglages });
  const factures = foyers.map((f, i) => {
    const lignes = [
      { libelle: "Restauration — Repas", jours: jours(i, 10 + (i % 5)), prix: 350 },
      { libelle: "Garderie — Matin", jours: jours(i + 1, 8 + (i % 7)), prix: 115 },
    ];
    return {
      id: randomUUID(),
      numero: `FA-2026-${String(i + 1).padStart(6, "0")}`,
      serie: "FA",
      annee: 2026,
      sequence: i + 1,
      familleId: f.familleId,
      enfantId: f.enfants[0]!.enfantId,
      periodeDebut: "2026-11-01",
      periodeFin: "2026-11-30",
      emiseLe: "2026-12-01",
      echeanceLe: "2026-12-31",
      qfNonCommunique: false,
      totalCentimes: lignes.reduce((s, l) => s + l.jours.length * l.prix, 0),
      destinataire: `Bénédicte BENCH${i}`,
      adresse: `${i + 1} place de l'Église\n64990 Villefranque`,
      lignes,
    };
  });
  await inserer(db(), "Facture", COLONNES_FACTURE, factures);
  await inserer(
    db(),
    "LigneFacture",
    COLONNES_LIGNE_FACTURE,
    factures.flatMap((f, i) =>
      f.lignes.map((l, ordre) => ({
        id: randomUUID(),
        factureId: f.id,
        enfantId: f.enfantId,
        activiteId: cantine.id,
        uniteId: cantine.unites[0]!.id,
        enfantNom: `Enfant BENCH${i}`,
        libelle: l.libelle,
        mois: "2026-11-01",
        quantite: l.jours.length,
        prixUnitaireCentimes: l.prix,
        montantCentimes: l.jours.length * l.prix,
        ordre,
        jours: l.jours,
      })),
    ),
  );
  const { debits } = await debiterEtReduire(factures, usager.id);
  await db().$executeRawUnsafe("ANALYZE");
  return { debits };
}

type FactureBench = { id: string; familleId: string; totalCentimes: number };

/** Every other family debited through its PES title (a mandate, its encrypted IBAN, a debit), and 50 avoirs. */
async function debiterEtReduire(factures: FactureBench[], usagerId: string) {
  const { db } = await import("../../lib/db");
  const { inserer } = await import("../../lib/inserer");
  const { chiffrerIban } = await import("../../lib/domain/prelevement/mandat");
  const { COLONNES_AVOIR } = await import("../../lib/domain/facturation/colonnes");
  // every other family pays by debit, presented through its PES title
  const signeLe = new Date("2026-10-05T10:00:00Z");
  const debitees = factures.filter((_, i) => i % 2 === 0);
  const mandats = debitees.map((f, i) => ({
    id: randomUUID(),
    rum: `VLF-BENCH-${String(i).padStart(6, "0")}`,
    familleId: f.familleId,
    signeLe,
  }));
  await inserer(db(), "MandatSepa", { id: "text", rum: "text", familleId: "text", signeLe: "timestamp" }, mandats);
  await inserer(
    db(),
    "VersionMandat",
    {
      id: "text",
      mandatId: "text",
      numero: "int",
      ibanChiffre: "text",
      ibanFin: "text",
      bic: "text",
      titulaire: "text",
      adresse: "text",
      usagerId: "text",
      signeLe: "timestamp",
      adresseIp: "text",
      methode: "text",
      versionTexte: "int",
    },
    mandats.map((m, i) => ({
      id: randomUUID(),
      mandatId: m.id,
      numero: 1,
      ibanChiffre: chiffrerIban(m.id, iban(i)),
      ibanFin: iban(i).slice(-4),
      bic: "CCBPFRPPBDX",
      titulaire: `Bénédicte BENCH${i}`,
      adresse: "1 place de l'Église 64990 Villefranque",
      usagerId,
      signeLe,
      adresseIp: "127.0.0.1",
      methode: "MOT_DE_PASSE",
      versionTexte: 1,
    })),
  );
  await inserer(
    db(),
    "Prelevement",
    {
      id: "text",
      factureId: "text",
      familleId: "text",
      mandatId: "text",
      versionNumero: "int",
      montantCentimes: "int",
      datePrelevement: "date",
      sequence: "text",
      endToEndId: "text",
      creeLe: "timestamp",
    },
    debitees.map((f, i) => ({
      id: randomUUID(),
      factureId: f.id,
      familleId: f.familleId,
      mandatId: mandats[i]!.id,
      versionNumero: 1,
      montantCentimes: f.totalCentimes,
      datePrelevement: "2026-12-10",
      sequence: i % 3 === 0 ? "FRST" : "RCUR",
      endToEndId: `E2E-BENCH-${i}`,
      creeLe: new Date("2026-12-01T08:00:00Z"),
    })),
  );
  // avoirs de régularisation (a day credited back) of 50 families, sent as titres de réduction
  await inserer(
    db(),
    "Avoir",
    COLONNES_AVOIR,
    factures.slice(0, AVOIRS).map((f, i) => ({
      id: randomUUID(),
      numero: `AV-2026-${String(i + 1).padStart(6, "0")}`,
      serie: "AV",
      annee: 2026,
      sequence: i + 1,
      familleId: f.familleId,
      montantCentimes: 350,
      motif: "Absence justifiée",
      emisLe: "2026-12-02",
      creeLe: new Date("2026-12-02T08:00:00Z"),
    })),
  );
  return { debits: debitees.length };
}

export async function benchPes(): Promise<Mesures> {
  let cluster: Cluster | null = null;
  try {
    if (!process.env.BENCH_DATABASE_URL) {
      cluster = await startCluster("bench");
      await adminQuery(cluster.adminUrl, `CREATE DATABASE bench_pes`);
      process.env.DATABASE_URL = databaseUrl(cluster.adminUrl, "bench_pes");
    } else process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
    process.env.DATABASE_POOL_SIZE ??= "5";
    await applyMigrations(process.env.DATABASE_URL);
    const { db } = await import("../../lib/db");
    const { genererBordereau } = await import("../../lib/domain/pes/generer");
    const { fichierBordereau } = await import("../../lib/domain/pes/fichier");
    const preparation = performance.now();
    const { debits } = await peupler();
    console.log(
      `Préparation : ${FACTURES} factures de deux lignes, ${debits} prélèvements, ${AVOIRS} avoirs (${Math.round(performance.now() - preparation)} ms)`,
    );

    const debut = performance.now();
    const b = await genererBordereau({ mois: "2026-11-01", agentId: null, now: new Date("2026-12-03T08:00:00Z") });
    const genererMs = performance.now() - debut;
    const debutFichier = performance.now();
    const fichier = await fichierBordereau(b.id);
    const fichierMs = performance.now() - debutFichier;
    if (!fichier?.ok) throw new Error(`fichier refusé : ${fichier ? fichier.raisons.join(" ") : "introuvable"}`);
    const debutLecture = performance.now();
    // the file read back: its pièces and debits counted in the bytes
    const texte = Buffer.from(fichier.bytes).toString("latin1");
    const pieces = texte.split("<Piece>").length - 1;
    const prelevements = texte.split("<InfoPrelevementSEPA>").length - 1;
    const lectureMs = performance.now() - debutLecture;
    if (pieces !== FACTURES + AVOIRS || b.nombrePieces !== pieces)
      throw new Error(`${pieces} pièces au lieu de ${FACTURES + AVOIRS}`);
    if (prelevements < debits) throw new Error(`${prelevements} blocs InfoPrelevementSEPA pour ${debits} prélèvements`);
    await db().$disconnect();
    return { genererMs, fichierMs, lectureMs, pieces, debits, octets: fichier.bytes.length };
  } finally {
    cluster?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchPes()
    .then(({ genererMs, fichierMs, lectureMs, pieces, debits, octets }) => {
      const ok = genererMs < BUDGET_PES_MS && fichierMs + lectureMs < BUDGET_PES_MS;
      const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
      console.log(
        `Bordereau de ${pieces} pièces (${debits} prélevées) : ` +
          `téléchargement (refait et contrôlé, ${Math.round(octets / 1024)} Kio) ${s(fichierMs)} ; comptage ${s(lectureMs)}`,
      );
      // the last line is the measure scripts/bench.ts reports
      console.log(
        `Fichier PES de ${pieces} pièces généré et contrôlé : ${s(genererMs)} ; téléchargé : ${s(fichierMs)} ` +
          `(budget ${BUDGET_PES_MS / 1000} s chacun) ${ok ? "OK" : "DÉPASSÉ"}`,
      );
      process.exit(ok ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(2);
    });
}
