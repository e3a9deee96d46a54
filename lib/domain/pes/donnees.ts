// What a stored bordereau says, read back from the invoices and avoirs it holds: invoices and avoirs are never
// edited, the tiers comes from the invoice's snapshot, the debit from its own row, so reading a bordereau again
// gives the same file (as long as the commune's PES settings are unchanged).
import "server-only";
import type { Tx } from "@/lib/db";
import { moisEnClair } from "@/lib/domain/facturation/periode";
import { dechiffrerIban } from "@/lib/domain/prelevement/mandat";
import type { BordereauModele, LignePes, PiecePes, PrelevementPes, TiersPes } from "@/lib/domain/pes/modele";
import { tiersDeFacture } from "@/lib/domain/pes/tiers";
import { jourDeDate, joursEnClair, jourParis } from "@/lib/temps/jours";

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
>;

type LigneSource = {
  enfantNom: string;
  libelle: string;
  montantCentimes: number;
  jours: Date[];
  regularisation: string | null;
};

/** "Henri DUPONT - Cantine : lun. 2, mar. 3 nov.", with the régularisation's reason when it is one. */
function objetLigne(l: LigneSource): string {
  const jours = joursEnClair(l.jours.map(jourDeDate));
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
    where: { OR: retenus.map((p) => ({ mandatId: p.mandatId, numero: p.versionNumero })) },
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
    client.facture.findMany({ where: { id: { in: factureIds } }, include: { lignes: { orderBy: { ordre: "asc" } } } }),
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
  const civilites = await civilitesDes(
    client,
    [...factures, ...avoirs].map((x) => x.familleId),
  );
  const mois = jourDeDate(b.mois);
  const parFacture = new Map(factures.map((f) => [f.id, f]));
  const parAvoir = new Map(avoirs.map((a) => [a.id, a]));
  const pieces: PiecePes[] = [];
  for (const t of b.titres) {
    if (t.factureId) {
      const f = parFacture.get(t.factureId)!;
      const debit = debits.get(f.id);
      const lignes: LignePes[] = f.lignes
        .filter((l) => l.montantCentimes > 0)
        .map((l) => ({ objet: objetLigne(l), montantCentimes: l.montantCentimes, prelevement: null }));
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
        objet: `Facture ${f.numero} de ${moisEnClair(jourDeDate(f.periodeDebut))}, échéance ${jourDeDate(f.echeanceLe).split("-").reverse().join("/")}`,
        numDette: numeroDette(f.annee, f.sequence),
        montantCentimes: f.totalCentimes,
        lignes,
        tiers: tiersDeFacture(f, civilites.get(f.familleId) ?? null, debit?.compte ?? null),
        rattachement: null,
      });
    } else {
      const a = parAvoir.get(t.avoirId!)!;
      pieces.push(await pieceReduction(client, t.numeroPiece, a, civilites.get(a.familleId) ?? null));
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
    objet: `${facturation?.regie || commune?.serviceNom || "Régie"} - factures de ${moisEnClair(mois)}`,
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
async function pieceReduction(
  client: Client,
  idPce: number,
  a: AvoirSource,
  civilite: "MADAME" | "MONSIEUR" | null,
): Promise<PiecePes> {
  let lignes: LignePes[];
  if (a.facture) {
    lignes = a.facture.lignes
      .filter((l) => l.montantCentimes > 0)
      .map((l) => ({ objet: objetLigne(l), montantCentimes: l.montantCentimes, prelevement: null }));
  } else {
    lignes = a.lignes.map((l) => ({ objet: objetLigne(l), montantCentimes: -l.montantCentimes, prelevement: null }));
    // a day charged back among days credited: the réduction is said as one line of its total
    if (lignes.some((l) => l.montantCentimes <= 0)) {
      lignes = [{ objet: `Régularisation : ${a.motif}`, montantCentimes: a.montantCentimes, prelevement: null }];
    }
  }
  // who is reduced: the cancelled invoice's snapshot, or the family's last invoice before the avoir
  const snapshot = a.facture ??
    (await client.facture.findFirst({
      where: { familleId: a.familleId, creeLe: { lte: a.creeLe } },
      orderBy: [{ creeLe: "desc" }, { numero: "desc" }],
      select: { destinataire: true, adresse: true },
    })) ?? { destinataire: "", adresse: "" };
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
