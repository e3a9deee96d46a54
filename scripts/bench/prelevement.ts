// The debit run bench: 5,000 families, each with an active SEPA mandate (its IBAN encrypted) and an invoice of
// November 2026 whose debit was pre-notified at emission. Timed end to end: the month's run (the preview read
// again under the locks, 5,000 payments PRELEVEMENT and their allocations, the debits presented, the mandates'
// last debit, a reçu numbered with its PDF for each payment) then its pain.008 file (5,000 IBANs decrypted, the
// XML written) checked against the ISO 20022 schema. Budget: under 5 s for the run, the file and its check.
//
// Runs alone: `tsx --import ./scripts/server-only-hors-next.mjs scripts/bench/prelevement.ts`, on a throwaway
// PostgreSQL cluster (the integration tests' one) or on BENCH_DATABASE_URL (a database it may fill).
// Exit code: 0 within budget, 1 over it, 2 when the bench could not run.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { adminQuery, databaseUrl, startCluster, type Cluster } from "../../tests/integration/global-setup";
import { applyMigrations } from "../migrate-engine";

export const BUDGET_PRELEVEMENT_MS = 5_000;
const FAMILLES = 5_000;

/** A valid French IBAN for the n-th family (the check digits computed as a bank does). */
function iban(n: number): string {
  const bban = `3000100794${String(n).padStart(11, "0")}${String(n % 97).padStart(2, "0")}`;
  let reste = 0;
  for (const c of `${bban}152700`) reste = (reste * 10 + Number(c)) % 97;
  return `FR${String(98 - reste).padStart(2, "0")}${bban}`;
}

type Mesures = {
  runMs: number;
  recusMs: number;
  fichierMs: number;
  xsdMs: number;
  prevoirMs: number;
  nombre: number;
  octets: number;
};

/** Each family's mandate (its IBAN encrypted) and its November invoice, a statement per table. */
async function peupler(familles: string[], usagerId: string) {
  const { db } = await import("../../lib/db");
  const { inserer } = await import("../../lib/inserer");
  const { COLONNES_FACTURE } = await import("../../lib/domain/facturation/colonnes");
  const { chiffrerIban } = await import("../../lib/domain/prelevement/mandat");
  const signeLe = new Date("2026-10-05T10:00:00Z");
  const mandats = familles.map((familleId, i) => ({
    id: randomUUID(),
    rum: `VLF-BENCH-${String(i).padStart(6, "0")}`,
    familleId,
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
      titulaire: `Parent Bénédicte N°${i}`,
      adresse: "1 place de l'Église 64990 Villefranque",
      usagerId,
      signeLe,
      adresseIp: "127.0.0.1",
      methode: "MOT_DE_PASSE",
      versionTexte: 1,
    })),
  );
  const factures = familles.map((familleId, i) => ({
    id: randomUUID(),
    numero: `FA-2026-${String(i + 1).padStart(6, "0")}`,
    serie: "FA",
    annee: 2026,
    sequence: i + 1,
    familleId,
    periodeDebut: "2026-11-01",
    periodeFin: "2026-11-30",
    emiseLe: "2026-12-01",
    echeanceLe: "2026-12-31",
    qfNonCommunique: false,
    totalCentimes: 1_000 + ((i * 137) % 20_000),
    destinataire: `Parent BENCH ${i}`,
    adresse: "1 place de l'Église\n64990 Villefranque",
  }));
  await inserer(db(), "Facture", COLONNES_FACTURE, factures);
  return factures;
}

export async function benchPrelevement(): Promise<Mesures> {
  let cluster: Cluster | null = null;
  try {
    if (!process.env.BENCH_DATABASE_URL) {
      cluster = await startCluster("bench");
      await adminQuery(cluster.adminUrl, `CREATE DATABASE bench_prelevement`);
      process.env.DATABASE_URL = databaseUrl(cluster.adminUrl, "bench_prelevement");
    } else process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
    process.env.DATABASE_POOL_SIZE ??= "5";
    await applyMigrations(process.env.DATABASE_URL);
    const { db } = await import("../../lib/db");
    const { seedCommune } = await import("../../prisma/seed");
    const { seedActivites } = await import("../../prisma/demo-activites");
    const { seedReservations } = await import("../../prisma/demo-reservations");
    const { creerFoyers } = await import("../../prisma/demo-facturation");
    const { prevoirPrelevements } = await import("../../lib/domain/prelevement/prevoir");
    const { lancerRun } = await import("../../lib/domain/prelevement/run");
    const { emettreRecusDuRun } = await import("../../lib/domain/prelevement/run-recus");
    const { fichierPain008 } = await import("../../lib/domain/prelevement/pain008-fichier");
    const { erreursPain008 } = await import("../../tests/pain008-xsd");
    await seedCommune();
    await seedActivites("Villefranque");
    await seedReservations();
    const cantine = await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } });
    const preparation = performance.now();
    const foyers = await creerFoyers({ nombre: FAMILLES, enfantsParFoyer: 1, activiteIds: [cantine.id], nom: "Bench" });
    const usager = await db().usager.findFirstOrThrow({ select: { id: true } });
    const reglages = {
      actif: true,
      ics: "FR72ZZZ123456",
      creancierNom: "Commune de Villefranque",
      creancierAdresse: "Place de la Mairie 64990 Villefranque",
      iban: "FR7630001007941234567890185",
      bic: "BDFEFRPPCCT",
      transmission: "FICHIER_SEPA" as const,
    };
    await db().parametresPrelevement.upsert({ where: { id: 1 }, create: { id: 1, ...reglages }, update: reglages });
    const factures = await peupler(
      foyers.map((f) => f.familleId),
      usager.id,
    );
    const debutPrevoir = performance.now();
    const prevus = await db().$transaction(
      (tx) =>
        prevoirPrelevements(
          tx,
          factures.map((f) => f.id),
          new Date("2026-12-01T08:00:00Z"),
        ),
      { timeout: 60_000 },
    );
    const prevoirMs = performance.now() - debutPrevoir;
    if (prevus !== FAMILLES) throw new Error(`${prevus} prélèvements prévus au lieu de ${FAMILLES}`);
    await db().$executeRawUnsafe("ANALYZE");
    console.log(
      `Préparation : ${FAMILLES} familles, mandats et factures (${Math.round(performance.now() - preparation)} ms)`,
    );

    const agent = await db().agent.create({
      data: {
        identifiant: "bench",
        identifiantNormalise: "bench",
        courriel: "bench@mairie.test",
        nom: "Bench",
        prenom: "B",
        passwordHash: "-",
        role: "ADMIN",
      },
    });
    const debut = performance.now();
    const run = await lancerRun({ agentId: agent.id, mois: "2026-11", now: new Date("2026-12-02T08:00:00Z") });
    const runMs = performance.now() - debut;
    const debutRecus = performance.now();
    const recus = await emettreRecusDuRun(run.id);
    const recusMs = performance.now() - debutRecus;
    if (recus !== FAMILLES) throw new Error(`${recus} reçus au lieu de ${FAMILLES}`);
    const debutFichier = performance.now();
    const fichier = (await fichierPain008(run.id, { agentId: agent.id }))!;
    const fichierMs = performance.now() - debutFichier;
    const debutXsd = performance.now();
    const erreurs = await erreursPain008(fichier.xml);
    if (erreurs.length > 0) throw new Error(`pain.008 invalide : ${erreurs.slice(0, 5).join(" ; ")}`);
    // the group header's count and sum, and the sum of every amount, read from the file itself
    const entete = /<GrpHdr>.*?<NbOfTxs>(\d+)<\/NbOfTxs><CtrlSum>([\d.]+)<\/CtrlSum>/.exec(fichier.xml);
    const montants = [...fichier.xml.matchAll(/<InstdAmt Ccy="EUR">(\d+)\.(\d{2})<\/InstdAmt>/g)];
    const xsdMs = performance.now() - debutXsd;
    const attendu = factures.reduce((s, f) => s + f.totalCentimes, 0);
    const euros = `${Math.trunc(attendu / 100)}.${String(attendu % 100).padStart(2, "0")}`;
    const lus = montants.reduce((s, m) => s + Number(m[1]) * 100 + Number(m[2]), 0);
    if (entete?.[1] !== String(FAMILLES) || montants.length !== FAMILLES || run.montantCentimes !== attendu)
      throw new Error("le fichier ne compte pas chaque prélèvement");
    if (entete[2] !== euros || lus !== attendu) throw new Error("CtrlSum faux");
    await db().$disconnect();
    return { runMs, recusMs, fichierMs, xsdMs, prevoirMs, nombre: run.nombre, octets: fichier.xml.length };
  } finally {
    cluster?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchPrelevement()
    .then(({ runMs, recusMs, fichierMs, xsdMs, prevoirMs, nombre, octets }) => {
      const total = runMs + fichierMs + xsdMs;
      const ok = total < BUDGET_PRELEVEMENT_MS;
      const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
      console.log(
        `Pré-notification de ${nombre} prélèvements à l'émission : ${s(prevoirMs)} ; lancement : ${s(runMs)} ; ` +
          `fichier pain.008 (${Math.round(octets / 1024)} Kio) : ${s(fichierMs)} ; contrôle XSD : ${s(xsdMs)} ; ` +
          `puis, par la file de travaux, les ${nombre} reçus (PDF et courriels) : ${s(recusMs)}`,
      );
      // the last line is the measure scripts/bench.ts reports
      console.log(
        `Prélèvements d'un mois : ${nombre} familles, lancés, fichier écrit et vérifié en ${s(total)} ` +
          `(budget ${BUDGET_PRELEVEMENT_MS / 1000} s) ${ok ? "OK" : "DÉPASSÉ"}`,
      );
      process.exit(ok ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(2);
    });
}
