// Prélèvement automatique's demo data: the commune offers it (a test ICS, the régie as creditor) and Claire's
// family pays by debit, with an active mandate signed on 2 September 2026 on a test IBAN (the ECBS's example
// French account, valid checksum, belonging to nobody). Written before September is invoiced, so its invoice is
// pre-notified (« sera prélevé le … ») like any invoice of a family with a mandate. Idempotent.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { chiffrerIban } from "@/lib/domain/prelevement/mandat";

export const IBAN_DEMO = "FR7630006000011234567890189";
/** a test ICS (valid check digits), as the Banque de France would give one */
export const ICS_DEMO = "FR72ZZZ123456";

export async function seedPrelevementDemo(usagerId: string): Promise<void> {
  const parametres = await db().parametresPrelevement.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  if (!parametres.ics) {
    await db().parametresPrelevement.update({
      where: { id: 1 },
      data: {
        actif: true,
        ics: ICS_DEMO,
        creancierNom: "Régie enfance-jeunesse de Villefranque",
        creancierAdresse: "Mairie, Place de la Mairie, 64990 Villefranque",
        iban: "FR7610071640000000200123483",
        bic: "TRPUFRP1",
      },
    });
  }
  const representant = await db().representant.findFirstOrThrow({
    where: { usagerId },
    include: { adresse: true, famille: { select: { cleEnfance: true } } },
  });
  const { familleId } = representant;
  if (await db().mandatSepa.findFirst({ where: { familleId } })) return;
  const signeLe = new Date("2026-09-02T08:30:00Z");
  const mandatId = randomUUID();
  const a = representant.adresse;
  await db().$transaction(async (tx) => {
    await tx.mandatSepa.create({
      data: { id: mandatId, rum: `PF-${representant.famille.cleEnfance}-1`, familleId, signeLe },
    });
    await tx.versionMandat.create({
      data: {
        mandatId,
        numero: 1,
        ibanChiffre: chiffrerIban(mandatId, IBAN_DEMO),
        ibanFin: IBAN_DEMO.slice(-4),
        titulaire: `${representant.prenom} ${representant.nomUsage.toUpperCase()}`,
        adresse: [[a.numero, a.voie].filter(Boolean).join(" "), `${a.codePostal} ${a.ville}`].join(", "),
        usagerId,
        signeLe,
        adresseIp: "203.0.113.10",
        methode: "MOT_DE_PASSE",
        versionTexte: 1,
      },
    });
    await tx.historiqueMandat.create({
      data: {
        mandatId,
        de: null,
        vers: "ACTIF",
        motif: "Signature du mandat",
        acteur: "USAGER",
        acteurId: usagerId,
        creeLe: signeLe,
      },
    });
  });
}
