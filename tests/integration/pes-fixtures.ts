// Builders for the PES tests: invoices with their lines and days written straight to the facturation's tables
// (the invoicing run is not what these tests are about), a family's SEPA mandate with its encrypted IBAN and a
// debit pre-notified on an invoice, and the commune's PES settings.
import { db } from "@/lib/db";
import { chiffrerIban } from "@/lib/domain/prelevement/mandat";

export const PARAMETRES = {
  idPost: "0640001",
  siret: "21640557500012",
  codCol: "064",
  codBud: "00",
  codProdLoc: "RS",
};

export async function reglerParametres(valeurs: Partial<typeof PARAMETRES> = {}) {
  const data = { ...PARAMETRES, ...valeurs };
  await db().parametresPes.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
}

type Ligne = { libelle: string; jours: string[]; prixCentimes: number; regularisation?: string };

/** An invoice of `mois` (YYYY-MM-01) numbered FA-2026-<sequence>, with one line per entry. */
export async function factureAvecLignes(
  f: { familleId: string; enfantId: string },
  {
    mois,
    sequence,
    lignes,
    adresse = "12 rue des Écoles\n64990 Villefranque",
  }: {
    mois: string;
    sequence: number;
    lignes: Ligne[];
    adresse?: string;
  },
) {
  const activite = await db().activite.findFirstOrThrow({ include: { unites: true } });
  const debut = new Date(`${mois}T00:00:00Z`);
  const fin = new Date(Date.UTC(debut.getUTCFullYear(), debut.getUTCMonth() + 1, 0));
  const montants = lignes.map((l) => l.jours.length * l.prixCentimes);
  return db().facture.create({
    data: {
      numero: `FA-2026-${String(sequence).padStart(6, "0")}`,
      serie: "FA",
      annee: 2026,
      sequence,
      familleId: f.familleId,
      periodeDebut: debut,
      periodeFin: fin,
      emiseLe: new Date("2026-12-01T00:00:00Z"),
      echeanceLe: new Date("2026-12-31T00:00:00Z"),
      totalCentimes: montants.reduce((a, b) => a + b, 0),
      destinataire: "Claire ETCHART",
      adresse,
      lignes: {
        create: lignes.map((l, i) => ({
          enfantId: f.enfantId,
          activiteId: activite.id,
          uniteId: activite.unites[0]!.id,
          enfantNom: "Henri ETCHART",
          libelle: l.libelle,
          mois: debut,
          quantite: l.jours.length,
          prixUnitaireCentimes: l.prixCentimes,
          montantCentimes: montants[i]!,
          jours: l.jours.map((j) => new Date(`${j}T00:00:00Z`)),
          regularisation: l.regularisation ?? null,
          ordre: i,
        })),
      },
    },
  });
}

export const IBAN = "FR7630006000011234567890189";

/** An active mandate signed on 2026-10-15 (RUM given) and a debit of the whole invoice, pre-notified (PREVU). */
export async function prelevementPrevu(
  f: { familleId: string; usagerId: string },
  facture: { id: string; totalCentimes: number },
  rum: string,
) {
  const mandat = await db().mandatSepa.create({
    data: { rum, familleId: f.familleId, signeLe: new Date("2026-10-15T08:30:00Z") },
  });
  await db().versionMandat.create({
    data: {
      mandatId: mandat.id,
      numero: 1,
      ibanChiffre: chiffrerIban(mandat.id, IBAN),
      ibanFin: IBAN.slice(-4),
      bic: "AGRIFRPP",
      titulaire: "Claire Etchart",
      adresse: "12 rue des Écoles, 64990 Villefranque",
      usagerId: f.usagerId,
      signeLe: new Date("2026-10-15T08:30:00Z"),
      adresseIp: "203.0.113.7",
      methode: "MOT_DE_PASSE",
      versionTexte: 1,
    },
  });
  return db().prelevement.create({
    data: {
      factureId: facture.id,
      familleId: f.familleId,
      mandatId: mandat.id,
      versionNumero: 1,
      montantCentimes: facture.totalCentimes,
      datePrelevement: new Date("2026-12-10T00:00:00Z"),
      sequence: "FRST",
      endToEndId: `E2E-${rum}`,
      creeLe: new Date("2026-12-01T07:00:00Z"),
    },
  });
}
