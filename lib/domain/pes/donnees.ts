// What a stored bordereau says, read back from the invoices and avoirs it holds: invoices and avoirs are never
// edited, the tiers comes from the invoice's snapshot, the debit from its own row, so reading a bordereau again
// gives the same file (as long as the commune's PES settings are unchanged).
import "server-only";
import type { Tx } from "@/lib/db";
import { moisEnClair } from "@/lib/temps/periode";
import { dechiffrerIban } from "@/lib/domain/prelevement/mandat";
import type { BordereauModele, LignePes, PiecePes, PrelevementPes, TiersPes } from "@/lib/domain/pes/modele";
import { tiersDeFacture } from "@/lib/domain/pes/tiers";
import { jourDeDate, joursEnClair, jourParis } from "@/lib/temps/jours";
import { de } from "@/lib/texte/elision";

type Client = Pick<
  Tx,
  | "bordereauPes"
  | "parametresPes"
  | "parametresFacturation"
  | "parametresPrelevement"
  | "commune"
  | "facture"
  | "avoir"
  | "prelevement"
  | "versionMandat"
  | "representant"
  | "$queryRaw"
>;

type LigneSource = {
  enfantNom: string;
  libelle: string;
  montantCentimes: number;
  /** Date from Prisma, YYYY-MM-DD from the month's one query */
  jours: (Date | string)[];
  regularisation: string | null;
};

/** "Henri DUPONT - Cantine : lun. 2, mar. 3 nov.", with the régularisation's reason when it is one. */
function objetLigne(l: LigneSource): string {
  const jours = joursEnClair(l.jours.map((j) => (typeof j === "string" ? j : jourDeDate(j))));
  const regul = l.regularisation ? ` (régularisation : ${l.regularisation})` : "";
  return `${l.enfantNom} - ${l.libelle}${regul} : ${jours}`;
}

/** NumDette: the invoice's year and sequence, digits only (the keys are computed on digits). */
export const numeroDette = (annee: number, sequence: number) => `${annee}${String(sequence).padStart(6, "0")}`;

/** The debit spread over the lines in order, each line's part at most its amount. */
function repartir(lignes: LignePes[], prel: Omit<PrelevementPes, "montantCentimes"> & { montantCentimes: number }) {
  let reste = prel.montantCentimes;
  for (const ligne of lignes) {
    const part = Math.min(reste, ligne.montantCentimes);
    if (part > 0) ligne.prelevement = { ...prel, montantCentimes: part };
    reste -= part;
  }
}

async function prelevementsDe(client: Client, factureIds: string[], jusquA: Date) {
  const { transmission } = (await client.parametresPrelevement.findUnique({ where: { id: 1 } })) ?? {
    transmission: "PES",
  };
  const prelevements = await client.prelevement.findMany({
    where: { factureId: { in: factureIds }, statut: { not: "ANNULE" }, creeLe: { lte: jusquA } },
    orderBy: { creeLe: "asc" },
    include: { run: { select: { transmission: true } }, mandat: { select: { rum: true, signeLe: true } } },
  });
  // the comptable debits the invoices of a PES-mode run, and those still to be presented when the commune's
  // debits go through PES
  const retenus = prelevements.filter((p) =>
    p.run ? p.run.transmission === "PES" : p.statut === "PREVU" && transmission === "PES",
  );
  const versions = await client.versionMandat.findMany({
    where: { mandatId: { in: [...new Set(retenus.map((p) => p.mandatId))] } },
    select: { mandatId: true, numero: true, ibanChiffre: true, bic: true, titulaire: true },
  });
  const version = new Map(versions.map((v) => [`${v.mandatId}:${v.numero}`, v]));
  const parFacture = new Map<string, { prel: (typeof retenus)[number]; compte: TiersPes["compte"] }>();
  for (const p of retenus) {
    const v = version.get(`${p.mandatId}:${p.versionNumero}`);
    if (!v) continue;
    // the IBAN is decrypted here, for the file only: never logged, never journaled
    const compte = { iban: dechiffrerIban(v), bic: v.bic, titulaire: v.titulaire };
    parFacture.set(p.factureId, { prel: p, compte });
  }
  return parFacture;
}

async function civilitesDes(client: Client, familleIds: string[]) {
  const titulaires = await client.representant.findMany({
    where: { familleId: { in: familleIds }, role: "TITULAIRE" },
    select: { familleId: true, civilite: true },
  });
  return new Map(titulaires.map((t) => [t.familleId, t.civilite]));
}

/** The bordereau's content, pièces in IdPce order. */
export async function modeleBordereau(client: Client, bordereauId: string): Promise<BordereauModele> {
  const b = await client.bordereauPes.findUniqueOrThrow({
    where: { id: bordereauId },
    include: { titres: { orderBy: { numeroPiece: "asc" } } },
  });
  const [parametres, facturation, commune] = await Promise.all([
    client.parametresPes.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} }),
    client.parametresFacturation.findUnique({ where: { id: 1 } }),
    client.commune.findUnique({ where: { id: 1 } }),
  ]);
  const factureIds = b.titres.flatMap((t) => (t.factureId ? [t.factureId] : []));
  const avoirIds = b.titres.flatMap((t) => (t.avoirId ? [t.avoirId] : []));
  const [factures, avoirs, debits] = await Promise.all([
    client.facture.findMany({
      where: { id: { in: factureIds } },
      select: {
        id: true,
        numero: true,
        annee: true,
        sequence: true,
        familleId: true,
        periodeDebut: true,
        echeanceLe: true,
        totalCentimes: true,
        destinataire: true,
        adresse: true,
      },
    }),
    client.avoir.findMany({
      where: { id: { in: avoirIds } },
      include: {
        lignes: { orderBy: { ordre: "asc" } },
        facture: {
          include: {
            lignes: { orderBy: { ordre: "asc" } },
            titrePes: { select: { numeroPiece: true, bordereau: { select: { exer: true } } } },
          },
        },
      },
    }),
    prelevementsDe(client, factureIds, b.creeLe),
  ]);
  const lignesDe = await lignesDesFactures(client, factureIds);
  const civilites = await civilitesDes(
    client,
    [...factures, ...avoirs].map((x) => x.familleId),
  );
  const snapshots = await snapshotsDesFamilles(
    client,
    avoirs.filter((a) => !a.facture).map((a) => a.familleId),
  );
  const mois = jourDeDate(b.mois);
  const parFacture = new Map(factures.map((f) => [f.id, f]));
  const parAvoir = new Map(avoirs.map((a) => [a.id, a]));
  const pieces: PiecePes[] = [];
  for (const t of b.titres) {
    if (t.factureId) {
      const f = parFacture.get(t.factureId)!;
      const debit = debits.get(f.id);
      const sources = lignesDe.get(f.id) ?? [];
      const lignes: LignePes[] =
        sources.length > 0
          ? sources
              .filter((l) => l.montantCentimes > 0)
              .map((l) => ({ objet: objetLigne(l), montantCentimes: l.montantCentimes, prelevement: null }))
          : // an invoice written without its lines (before they were kept) is one line of its total
            [{ objet: `Facture ${f.numero}`, montantCentimes: f.totalCentimes, prelevement: null }];
      if (debit) {
        repartir(lignes, {
          sequence: debit.prel.sequence,
          date: jourDeDate(debit.prel.datePrelevement),
          montantCentimes: debit.prel.montantCentimes,
          rum: debit.prel.mandat.rum,
          dateSignature: jourParis(debit.prel.mandat.signeLe),
          libelle: `Facture ${f.numero} ${commune?.nom ?? ""}`,
        });
      }
      pieces.push({
        idPce: t.numeroPiece,
        reduction: false,
        numero: f.numero,
        objet: `Facture ${f.numero} ${de(moisEnClair(jourDeDate(f.periodeDebut)))}, échéance ${jourDeDate(f.echeanceLe).split("-").reverse().join("/")}`,
        numDette: numeroDette(f.annee, f.sequence),
        montantCentimes: f.totalCentimes,
        lignes,
        tiers: tiersDeFacture(f, civilites.get(f.familleId) ?? null, debit?.compte ?? null),
        rattachement: null,
      });
    } else {
      const a = parAvoir.get(t.avoirId!)!;
      const snapshot = a.facture ?? snapshotAvant(snapshots.get(a.familleId) ?? [], a.creeLe);
      pieces.push(pieceReduction(t.numeroPiece, a, snapshot, civilites.get(a.familleId) ?? null));
    }
  }
  return {
    parametres,
    nomFichier: b.nomFichier,
    emetteur: { sigle: commune?.nom ?? "", adresse: commune?.serviceNom ?? "" },
    exer: b.exer,
    idBord: b.numero,
    date: jourParis(b.creeLe),
    mois,
    objet: `${facturation?.regie || commune?.serviceNom || "Régie"} - factures ${de(moisEnClair(mois))}`,
    pieces,
  };
}

type AvoirSource = {
  id: string;
  numero: string;
  familleId: string;
  montantCentimes: number;
  motif: string;
  creeLe: Date;
  lignes: LigneSource[];
  facture: (LigneSourceFacture & { titrePes: { numeroPiece: number; bordereau: { exer: number } } | null }) | null;
};
type LigneSourceFacture = { numero: string; destinataire: string; adresse: string; lignes: LigneSource[] };

/** An avoir as a titre de réduction: the cancelled invoice's lines, or the days credited back. */
function pieceReduction(
  idPce: number,
  a: AvoirSource,
  snapshot: Snapshot,
  civilite: "MADAME" | "MONSIEUR" | null,
): PiecePes {
  let lignes: LignePes[];
  if (a.facture) {
    lignes = a.facture.lignes
      .filter((l) => l.montantCentimes > 0)
      .map((l) => ({ objet: objetLigne(l), montantCentimes: l.montantCentimes, prelevement: null }));
  } else {
    lignes = a.lignes.map((l) => ({ objet: objetLigne(l), montantCentimes: -l.montantCentimes, prelevement: null }));
    // a day charged back among days credited: the réduction is said as one line of its total
    if (lignes.length === 0 || lignes.some((l) => l.montantCentimes <= 0)) {
      lignes = [{ objet: `Régularisation : ${a.motif}`, montantCentimes: a.montantCentimes, prelevement: null }];
    }
  }
  return {
    idPce,
    reduction: true,
    numero: a.numero,
    objet: a.facture ? `Avoir ${a.numero} annulant la facture ${a.facture.numero}` : `Avoir ${a.numero} : ${a.motif}`,
    numDette: null,
    montantCentimes: a.montantCentimes,
    lignes,
    tiers: tiersDeFacture(snapshot, civilite, null),
    rattachement: a.facture?.titrePes
      ? { exer: a.facture.titrePes.bordereau.exer, idPce: a.facture.titrePes.numeroPiece }
      : null,
  };
}

type Snapshot = { destinataire: string; adresse: string };

/** The invoices' snapshots of these families, oldest first (one query for every avoir de régularisation). */
async function snapshotsDesFamilles(client: Client, familleIds: string[]) {
  const parFamille = new Map<string, (Snapshot & { creeLe: Date })[]>();
  if (familleIds.length === 0) return parFamille;
  const factures = await client.facture.findMany({
    where: { familleId: { in: [...new Set(familleIds)] } },
    orderBy: [{ creeLe: "asc" }, { numero: "asc" }],
    select: { familleId: true, creeLe: true, destinataire: true, adresse: true },
  });
  for (const f of factures) parFamille.set(f.familleId, [...(parFamille.get(f.familleId) ?? []), f]);
  return parFamille;
}

/**
 * Who an avoir de régularisation reduces: the family's last invoice before it (its first one after, for an
 * avoir older than every invoice). Both stay the same once written: the file read again is the same.
 */
function snapshotAvant(factures: (Snapshot & { creeLe: Date })[], avant: Date): Snapshot {
  const anterieures = factures.filter((f) => f.creeLe <= avant);
  return anterieures.at(-1) ?? factures[0] ?? { destinataire: "", adresse: "" };
}

/** The invoices' lines in their order, their days as YYYY-MM-DD: one query for a month of thousands of lines. */
async function lignesDesFactures(client: Client, factureIds: string[]) {
  const lignes = await client.$queryRaw<(Omit<LigneSource, "jours"> & { factureId: string; jours: string })[]>`
    SELECT "factureId", "enfantNom", libelle, "montantCentimes", regularisation,
           array_to_string(jours, ',') AS jours
    FROM "LigneFacture" WHERE "factureId" = ANY(${factureIds}::text[]) ORDER BY "factureId", ordre`;
  const parFacture = new Map<string, LigneSource[]>();
  for (const l of lignes) {
    const ligne = { ...l, jours: l.jours ? l.jours.split(",") : [] };
    parFacture.set(l.factureId, [...(parFacture.get(l.factureId) ?? []), ligne]);
  }
  return parFacture;
}
