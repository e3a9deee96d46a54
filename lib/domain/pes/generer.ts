// « Générer le bordereau PES »: the invoices of an invoiced month not yet sent, and the avoirs not yet sent, as one
// bordereau (IdBord gap-free per exercise, IdPce continuing within it). Each invoice or avoir is in one bordereau
// only (TitrePes is unique on each); a second generation of the month takes only what is new. One transaction:
// the file is checked inside it, and a file that would be refused leaves nothing written.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { reserverNumeros } from "@/lib/argent/numerotation";
import { controlerBordereau } from "@/lib/domain/pes/controle";
import { modeleBordereau } from "@/lib/domain/pes/donnees";
import { totalBordereau } from "@/lib/domain/pes/modele";
import { fichierPes } from "@/lib/domain/pes/xml";
import { dateDeJour, jourParis, type Jour } from "@/lib/temps/jours";

export const SERIE_BORDEREAU = "PESB";
export const SERIE_PIECE = "PESP";

export const nomFichierPes = (exer: number, numero: number, mois: Jour) =>
  `PES_ORMC_${exer}_${String(numero).padStart(5, "0")}_${mois.slice(0, 7)}.xml`;

export async function genererBordereau({
  mois,
  agentId,
  now,
}: {
  /** first day of the invoiced month */
  mois: Jour;
  agentId: string | null;
  now: Date;
}): Promise<{ id: string; numero: number; nombrePieces: number; octets: number }> {
  const exer = Number(jourParis(now).slice(0, 4));
  return db().$transaction(
    async (tx) => {
      // the counter's row lock comes first: two generations at once take turns, the second sees the first's titles
      const numero = await reserverNumeros(tx, SERIE_BORDEREAU, exer, 1);
      const [factures, avoirs] = await Promise.all([
        tx.facture.findMany({
          where: { periodeDebut: dateDeJour(mois), titrePes: null, totalCentimes: { gt: 0 } },
          orderBy: { numero: "asc" },
          select: { id: true },
        }),
        tx.avoir.findMany({
          where: { titrePes: null, creeLe: { lte: now }, montantCentimes: { gt: 0 } },
          orderBy: { numero: "asc" },
          select: { id: true },
        }),
      ]);
      const n = factures.length + avoirs.length;
      if (n === 0) {
        throw new AppError(
          "vide",
          "Aucune facture ni aucun avoir de ce mois n'est à transmettre : tout est déjà dans un bordereau.",
          "mois",
        );
      }
      const premier = await reserverNumeros(tx, SERIE_PIECE, exer, n);
      const bordereau = await tx.bordereauPes.create({
        data: {
          mois: dateDeJour(mois),
          exer,
          numero,
          nomFichier: nomFichierPes(exer, numero, mois),
          nombrePieces: n,
          montantCentimes: 0,
          parAgentId: agentId,
          creeLe: now,
        },
      });
      await tx.titrePes.createMany({
        data: [
          ...factures.map((f, i) => ({ bordereauId: bordereau.id, numeroPiece: premier + i, factureId: f.id })),
          ...avoirs.map((a, i) => ({
            bordereauId: bordereau.id,
            numeroPiece: premier + factures.length + i,
            avoirId: a.id,
          })),
        ],
      });
      const modele = await modeleBordereau(tx, bordereau.id);
      const raisons = controlerBordereau(modele);
      if (raisons.length > 0) throw new AppError("controle", resumeRaisons(raisons), "mois");
      // written once here, so a value the writer cannot carry fails before anything is kept
      const octets = fichierPes(modele).length;
      const montantCentimes = totalBordereau(modele.pieces);
      await tx.bordereauPes.update({ where: { id: bordereau.id }, data: { montantCentimes } });
      await journal(tx, {
        event: "pes.bordereau",
        actorKind: agentId ? "AGENT" : "SYSTEME",
        actorId: agentId ?? undefined,
        details: {
          bordereauId: bordereau.id,
          exer,
          numero,
          mois,
          factures: factures.length,
          avoirs: avoirs.length,
          montantCentimes,
        },
      });
      return { id: bordereau.id, numero, nombrePieces: n, octets };
    },
    { timeout: 60_000 },
  );
}

/** The first reasons, and how many more: a month of 2,500 invoices without settings says it once, not 2,500 times. */
export function resumeRaisons(raisons: string[]): string {
  const autres = raisons.length - 5;
  return [
    ...raisons.slice(0, 5),
    ...(autres > 0 ? [`Et ${autres} autre${autres > 1 ? "s" : ""} problème${autres > 1 ? "s" : ""}.`] : []),
  ].join(" ");
}
