// The pre-notification in the invoice's mail (issue 29): a month's emission for a family with an active mandate
// plans its debit, and the family's « Votre facture … est disponible » says the day it is debited (never the
// amount); a family without a mandate gets the mail as before.
import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { facturerMois } from "@/lib/domain/facturation/executer";
import { dateFr } from "@/lib/temps/periode";
import { signerMandat } from "@/lib/domain/prelevement/signer-mandat";
import { seedActivites } from "@/prisma/demo-activites";
import { creerFoyers, reserverJours, seedTarifs } from "@/prisma/demo-facturation";
import { seedReservations } from "@/prisma/demo-reservations";
import { seedCommune } from "@/prisma/seed";
import { usagerActive } from "./demande-fixtures";

let garderie: { id: number; matin: number };

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  await seedTarifs();
  const g = await db().activite.findUniqueOrThrow({
    where: { code: "GARDERIE_PUBLIQUE" },
    include: { unites: { orderBy: { ordre: "asc" } } },
  });
  garderie = { id: g.id, matin: g.unites[0]!.id };
  await db().parametresPrelevement.upsert({
    where: { id: 1 },
    create: { id: 1, actif: true, ics: "FR72ZZZ123456", creancierNom: "Régie", creancierAdresse: "Mairie" },
    update: { actif: true, ics: "FR72ZZZ123456", creancierNom: "Régie", creancierAdresse: "Mairie" },
  });
}, 120_000);

it("the invoice's mail of a family paying by prélèvement says when it is debited, without its amount", async () => {
  const [avec, sans] = await Promise.all([usagerActive("Harriague"), usagerActive("Inchauspe")]);
  const foyers = await creerFoyers({
    nombre: 2,
    enfantsParFoyer: 1,
    activiteIds: [garderie.id],
    nom: "Harriague",
    usagerIds: [avec.id, sans.id],
  });
  await reserverJours(
    foyers.map((f) => ({
      enfantId: f.enfants[0]!.enfantId,
      familleId: f.familleId,
      inscriptionId: f.enfants[0]!.inscriptions.get(garderie.id)!,
      uniteId: garderie.matin,
      du: "2026-09-01",
      au: "2026-09-30",
    })),
  );
  await db().usager.update({ where: { id: avec.id }, data: { passwordHash: await hashPassword("Mandat-2026!") } });
  const session = await db().session.create({ data: { tokenHash: randomUUID(), kind: "USAGER", usagerId: avec.id } });
  const signeLe = new Date("2026-09-20T09:00:00Z");
  await signerMandat({
    usagerId: avec.id,
    sessionId: session.id,
    familleId: foyers[0]!.familleId,
    iban: "FR76 3000 6000 0112 3456 7890 189",
    titulaire: "Claire HARRIAGUE",
    consentement: true,
    motDePasse: "Mandat-2026!",
    ip: "203.0.113.9",
    now: signeLe,
  });

  await facturerMois({ mois: "2026-09", now: new Date("2026-10-01T08:00:00Z") });
  const prelevement = await db().prelevement.findFirstOrThrow({ where: { familleId: foyers[0]!.familleId } });
  expect(prelevement.statut).toBe("PREVU");
  const sujet = "Votre facture de septembre 2026 est disponible";
  const mailAvec = await db().outboxMail.findFirstOrThrow({ where: { to: avec.courriel, subject: sujet } });
  const phrase = `Elle sera prélevée le ${dateFr(prelevement.datePrelevement)} sur votre compte`;
  expect(mailAvec.text).toContain(phrase);
  expect(mailAvec.html).toContain(phrase.replace("'", "&#x27;"));
  expect(mailAvec.text + mailAvec.html).not.toContain("€");
  const mailSans = await db().outboxMail.findFirstOrThrow({ where: { to: sans.courriel, subject: sujet } });
  expect(mailSans.text).not.toContain("prélevée");
  expect(mailSans.html).not.toContain("§");
});
