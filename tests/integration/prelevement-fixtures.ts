// Builders for the debit tests: the commune's creditor settings, and a family's signed mandate written straight
// to its tables (signing one is the mandate tests' subject), its IBAN encrypted as the signature does.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { chiffrerIban } from "@/lib/domain/prelevement/mandat";

export const ICS_TEST = "FR72ZZZ123456";
export const IBAN_COMMUNE = "FR7630001007941234567890185";

export async function parametresActifs(transmission: "PES" | "FICHIER_SEPA" = "FICHIER_SEPA") {
  const valeurs = {
    actif: true,
    ics: ICS_TEST,
    creancierNom: "Commune de Villefranque",
    creancierAdresse: "Place de la Mairie 64990 Villefranque",
    iban: IBAN_COMMUNE,
    bic: "BDFEFRPPCCT",
    jourPrelevement: 10,
    delaiPrenotificationJours: 14,
    transmission,
    rejetsAvantSuspension: 2,
  } as const;
  await db().parametresPrelevement.upsert({ where: { id: 1 }, create: { id: 1, ...valeurs }, update: valeurs });
}

/** An active mandate signed on `signeLe` for the account `iban` (version 1), its RUM random. */
export async function mandat(
  familleId: string,
  usagerId: string,
  iban: string,
  signeLe = new Date("2026-10-05T10:00:00Z"),
) {
  const rum = `RUM-TEST-${randomBytes(5).toString("hex").toUpperCase()}`;
  const m = await db().mandatSepa.create({ data: { rum, familleId, signeLe } });
  await nouvelleVersion(m.id, usagerId, iban, 1, signeLe);
  return m;
}

/** A new version of the mandate's account (an amendment). */
export async function nouvelleVersion(mandatId: string, usagerId: string, iban: string, numero: number, signeLe: Date) {
  await db().versionMandat.create({
    data: {
      mandatId,
      numero,
      ibanChiffre: chiffrerIban(mandatId, iban),
      ibanFin: iban.slice(-4),
      bic: numero === 1 ? null : "CCBPFRPPXXX",
      titulaire: "Claire Étchart",
      adresse: "65 route de Saint-Pierre-d'Irube 64990 Villefranque",
      usagerId,
      signeLe,
      adresseIp: "127.0.0.1",
      methode: "MOT_DE_PASSE",
      versionTexte: 1,
    },
  });
}
