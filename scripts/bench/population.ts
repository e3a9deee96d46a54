// The bench's population, made through the domain's own commands (the e2e factories, e2e/fixtures/factories.ts):
// the commune as every install has it (seedBase), then N validated families whose child Louise is enrolled in the
// public school's canteen for the open year (familleInscriteCantine), each with a session opened as a successful
// login opens one. Made several at a time (BENCH_SETUP_PARALLELE); the mails they queue are not the bench's
// subject and are marked sent.
import { db } from "../../lib/db";
import { decoderAnnee } from "../../lib/domain/reservation/annee-compacte";
import { calendrierReservations } from "../../lib/domain/reservation/queries";
import { familleInscriteCantine, agent, MOT_DE_PASSE_PARENT, seedBase, session } from "../../e2e/fixtures/factories";
import { adresseDuParent } from "./client";
import { enParallele, intEnv } from "./commun";
import { seedReservations } from "../../prisma/demo-reservations";

export type Parent = {
  identifiant: string;
  motDePasse: string;
  usagerId: string;
  enfantId: string;
  inscriptionId: string;
  jeton: string;
  /** the address the parent's requests come from (X-Forwarded-For) */
  ip: string;
};

export type Changement = { date: string; uniteId: number; reserver: true };

export type Population = {
  parents: Parent[];
  /**
   * The weekly pattern a parent applies for the year: "Menu Classique" every Monday, Tuesday, Thursday and
   * Friday still modifiable, as the month view's "Appliquer une semaine type" computes it in the browser from
   * the calendar the page carries (every family's calendar is the same: one school, one canteen).
   */
  semaineType: Changement[];
};

/** Points lib/db.ts at another database (it reads DATABASE_URL at its first query). */
export async function pointerLaBase(url: string): Promise<void> {
  await globalThis.__portailPrisma?.$disconnect();
  globalThis.__portailPrisma = undefined;
  process.env.DATABASE_URL = url;
}

/** 0 → "A", 25 → "Z", 26 → "BA"…: a family name is made of letters only. */
function enLettres(n: number): string {
  let texte = "";
  do {
    texte = String.fromCharCode(65 + (n % 26)) + texte;
    n = Math.floor(n / 26);
  } while (n > 0);
  return texte;
}

export async function peupler(nombre: number): Promise<Population> {
  const parallele = intEnv("BENCH_SETUP_PARALLELE", 8, 1, 64);
  await seedBase();
  // the factories keep "already done" for the reservation parameters per process, not per database: the second
  // database of a run needs them too (seedReservations is idempotent)
  await seedReservations();
  // the bench's own agent, so that familleInscriteCantine finds an instructeur if the factories' one changes
  await agent({ identifiant: "agent.banc", nom: "Banc", prenom: "Mesure" });
  const debut = Date.now();
  let faits = 0;
  const parents = await enParallele(
    Array.from({ length: nombre }, (_, i) => i),
    parallele,
    async (i): Promise<Parent> => {
      const identifiant = `banc.parent.${String(i + 1).padStart(5, "0")}`;
      const famille = await familleInscriteCantine({ identifiant, nom: `Banc ${enLettres(i)}` });
      const { token } = await session({ usagerId: famille.usagerId });
      faits++;
      if (faits % 100 === 0 || faits === nombre)
        process.stdout.write(`  ${faits}/${nombre} familles (${((Date.now() - debut) / 1000).toFixed(0)} s)\n`);
      return {
        identifiant,
        motDePasse: MOT_DE_PASSE_PARENT,
        usagerId: famille.usagerId,
        enfantId: famille.enfantId,
        inscriptionId: famille.inscriptionId,
        jeton: token,
        ip: adresseDuParent(i),
      };
    },
  );
  await db().outboxMail.updateMany({ where: { status: "PENDING" }, data: { status: "SENT", sentAt: new Date() } });

  const premier = parents[0]!;
  const calendrier = await calendrierReservations({
    portee: { usagerId: premier.usagerId },
    enfantId: premier.enfantId,
    inscriptionId: premier.inscriptionId,
    now: new Date(),
  });
  if (!calendrier?.ouvert) throw new Error("Les réservations de l'année ne sont pas ouvertes : rien à réserver.");
  const classique = calendrier.unites[0]!.id;
  const semaineType = [...decoderAnnee(calendrier.annuel)].flatMap(([jour, cases]) =>
    cases
      .filter((c) => c.uniteId === classique && c.modifiable && c.etat === "LIBRE")
      .map((): Changement => ({ date: jour, uniteId: classique, reserver: true })),
  );
  if (semaineType.length === 0) throw new Error("Aucun jour modifiable dans l'année : rien à réserver.");
  return { parents, semaineType };
}
