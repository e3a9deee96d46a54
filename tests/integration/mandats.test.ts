// SEPA mandates (issue 29) on PostgreSQL with a real SMTP sink: a parent signs with the password re-entered (a
// wrong one writes nothing) or right after a FranceConnect sign-in, each IBAN refusal says what is wrong, the RUM
// is unique, the mail carries the mandate's PDF with the IBAN masked and no IBAN anywhere in the mail or the
// journal, an amendment keeps the RUM as version 2, a revocation cancels the debits not yet presented, the
// 36-month lapse follows the clock it is given, and another family reaches nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { sink } = await vi.hoisted(async () => {
  const { startMailSink } = await import("@/e2e/fixtures/mail-sink");
  const sink = await startMailSink({ port: 0 });
  // read once by lib/config.ts, before the app's modules load
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  return { sink };
});

import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { detailFacture } from "@/lib/domain/facturation/detail";
import { pdfDeFacture } from "@/lib/domain/facturation/documents";
import { rendreCaducs } from "@/lib/domain/prelevement/caducite";
import { dechiffrerIban, mandatActif } from "@/lib/domain/prelevement/mandat";
import { pdfDeMandat } from "@/lib/domain/prelevement/mandat-pdf";
import { modifierIbanMandat } from "@/lib/domain/prelevement/modifier-mandat";
import { revoquerMandat } from "@/lib/domain/prelevement/revoquer-mandat";
import { signerMandat } from "@/lib/domain/prelevement/signer-mandat";
import { AppError } from "@/lib/errors";
import { drainOutbox } from "@/lib/mail/outbox";
import { seedCommune } from "@/prisma/seed";
import { texteDuPdf } from "../pdf-texte";
import { facture, familleValidee } from "./paiement-fixtures";

const NOW = new Date("2026-12-07T09:00:00Z");
const IBAN = "FR76 3000 6000 0112 3456 7890 189";
const IBAN_2 = "DE89 3704 0044 0532 0130 00";
const MOT_DE_PASSE = "Mandat-Sepa-2026!";

beforeAll(async () => {
  await seedCommune();
  await db().parametresPrelevement.upsert({
    where: { id: 1 },
    create: { id: 1 },
    update: {},
  });
  await db().parametresPrelevement.update({
    where: { id: 1 },
    data: {
      actif: true,
      ics: "FR72ZZZ123456",
      creancierNom: "Régie périscolaire de Villefranque",
      creancierAdresse: "Place de la Mairie, 64990 Villefranque",
    },
  });
}, 60_000);

afterAll(async () => {
  await sink.close();
});

/** A family whose parent has a real password and a live session (FranceConnect `minutes` ago, when given). */
async function parent(nom: string, { franceConnect }: { franceConnect?: number } = {}) {
  const f = await familleValidee(nom);
  await db().usager.update({ where: { id: f.usager.id }, data: { passwordHash: await hashPassword(MOT_DE_PASSE) } });
  const ouverte = new Date(NOW.getTime() - (franceConnect ?? 1) * 60_000);
  const session = await db().session.create({
    data: {
      tokenHash: randomUUID(),
      kind: "USAGER",
      usagerId: f.usager.id,
      createdAt: ouverte,
      lastSeenAt: ouverte,
      idTokenFranceconnect: franceConnect === undefined ? null : "id-token",
    },
  });
  const signature = (extra: Partial<Parameters<typeof signerMandat>[0]> = {}) => ({
    usagerId: f.usager.id,
    sessionId: session.id,
    familleId: f.familleId,
    iban: IBAN,
    titulaire: `Claire ${nom}`,
    consentement: true,
    motDePasse: MOT_DE_PASSE,
    ip: "203.0.113.7",
    now: NOW,
    ...extra,
  });
  return { ...f, signature };
}

async function refus(promesse: Promise<unknown>): Promise<{ champ?: string; message: string }> {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return { champ: (erreur as AppError).field, message: (erreur as AppError).message };
}

const nombreMandats = (familleId: string) => db().mandatSepa.count({ where: { familleId } });

describe("signing a mandate", () => {
  it("refuses each wrong IBAN beside its field, saying what is wrong, and writes nothing", async () => {
    const p = await parent("Arrieta");
    for (const [iban, message] of [
      ["US12 3456 7890 1234 5678 90", "Ce pays n'est pas dans la zone SEPA."],
      ["FR76 3000 6000 0112 3456 7890 18", "Un IBAN français compte 27 caractères : vous en avez saisi 26."],
      ["FR76 3000 6000 0112 3456 7890 188", "La clé de contrôle ne correspond pas : vérifiez chaque caractère."],
      ["3000 6000", expect.stringContaining("deux lettres et deux chiffres")],
    ] as const) {
      expect(await refus(signerMandat(p.signature({ iban })))).toEqual({ champ: "iban", message });
    }
    expect(await nombreMandats(p.familleId)).toBe(0);
  });

  it("needs the right password: a wrong one is refused and nothing is written, nor mailed", async () => {
    const p = await parent("Bidegain");
    const avant = await db().outboxMail.count();
    expect(await refus(signerMandat(p.signature({ motDePasse: "pas-le-bon" })))).toEqual({
      champ: "motDePasse",
      message: "Mot de passe incorrect : le mandat n'est pas signé.",
    });
    expect(await refus(signerMandat(p.signature({ motDePasse: "" })))).toMatchObject({ champ: "motDePasse" });
    expect(await refus(signerMandat(p.signature({ consentement: false })))).toMatchObject({ champ: "consentement" });
    expect(await nombreMandats(p.familleId)).toBe(0);
    expect(await db().outboxMail.count()).toBe(avant);
  });

  it("signs with the password: RUM, version 1 encrypted with its last 4 in clear, history, journal, mail with the PDF", async () => {
    const p = await parent("Curutchet");
    const { rum } = await signerMandat(p.signature());
    const { cleEnfance } = await db().famille.findUniqueOrThrow({ where: { id: p.familleId } });
    expect(rum).toBe(`PF-${cleEnfance}-1`);
    const mandat = (await mandatActif(p.familleId))!;
    expect(mandat).toMatchObject({ rum, statut: "ACTIF", signeLe: NOW });
    const version = mandat.versions[0]!;
    expect(version).toMatchObject({ numero: 1, ibanFin: "0189", methode: "MOT_DE_PASSE", adresseIp: "203.0.113.7" });
    expect(version.ibanChiffre).not.toContain("3000");
    expect(dechiffrerIban(version)).toBe("FR7630006000011234567890189");
    const historique = await db().historiqueMandat.findMany({ where: { mandatId: mandat.id } });
    expect(historique.map((h) => [h.de, h.vers, h.acteur])).toEqual([[null, "ACTIF", "USAGER"]]);

    await drainOutbox();
    const mail = await sink.waitFor({ to: p.usager.courriel, subject: "Votre mandat de prélèvement SEPA" });
    const pieces = mail.parsed.attachments;
    expect(pieces.map((x) => [x.filename, x.contentType])).toEqual([[`mandat-${rum}.pdf`, "application/pdf"]]);
    const texte = (await texteDuPdf(pieces[0]!.content)).join("\n");
    expect(texte).toContain("Mandat de prélèvement SEPA");
    expect(texte).toContain("FR72ZZZ123456");
    expect(texte).toContain(rum);
    expect(texte).toContain("dans les 8 semaines suivant la date de débit");
    expect(texte).toContain("FR76 **** … 0189");
    // no full IBAN, in any form, in the mail, its attachment or the journal
    const journal = JSON.stringify(
      await db().journalEntry.findMany({ where: { actorId: p.usager.id }, select: { event: true, details: true } }),
    );
    expect(journal).toContain("mandat.signe");
    for (const lieu of [mail.html, mail.text, texte, journal]) {
      expect(lieu.replace(/\s/g, "")).not.toContain("30006000011234567890");
    }
  });

  it("5 wrong passwords in a row lock the signature for 15 minutes, even with the right one", async () => {
    const p = await parent("Ospital");
    for (let i = 0; i < 5; i++) {
      expect((await refus(signerMandat(p.signature({ motDePasse: `faux-${i}` })))).message).toMatch(/incorrect/);
    }
    expect(await refus(signerMandat(p.signature()))).toEqual({
      champ: "motDePasse",
      message: expect.stringMatching(/^Trop d'essais de mot de passe : réessayez après \d\d:\d\d\.$/),
    });
    expect(await nombreMandats(p.familleId)).toBe(0);
  });

  it("after a FranceConnect sign-in of less than 10 minutes, signs without the password; an older one needs it", async () => {
    const recent = await parent("Dufau", { franceConnect: 4 });
    await signerMandat(recent.signature({ motDePasse: undefined }));
    expect((await mandatActif(recent.familleId))!.versions[0]!.methode).toBe("FRANCECONNECT");
    const ancien = await parent("Elissalde", { franceConnect: 11 });
    expect(await refus(signerMandat(ancien.signature({ motDePasse: undefined })))).toMatchObject({
      champ: "motDePasse",
    });
  });

  it("gives each mandate its own RUM, and one mandate in force per family", async () => {
    const a = await parent("Fagoaga");
    const b = await parent("Garat");
    const [ra, rb] = await Promise.all([signerMandat(a.signature()), signerMandat(b.signature())]);
    expect(ra.rum).not.toBe(rb.rum);
    expect((await refus(signerMandat(a.signature()))).message).toMatch(/déjà un mandat/);
    await expect(
      db().mandatSepa.create({ data: { rum: ra.rum, familleId: b.familleId, signeLe: NOW } }),
    ).rejects.toThrow();
  });
});

describe("a mandate's life", () => {
  it("an amendment keeps the RUM as version 2, signed the same way", async () => {
    const p = await parent("Haramboure");
    const { rum } = await signerMandat(p.signature());
    expect(
      await refus(modifierIbanMandat({ ...p.signature({ iban: IBAN_2, motDePasse: "faux" }), rum })),
    ).toMatchObject({
      champ: "motDePasse",
    });
    const r = await modifierIbanMandat({ ...p.signature({ iban: IBAN_2 }), rum });
    expect(r).toEqual({ rum, numero: 2 });
    const mandat = (await mandatActif(p.familleId))!;
    expect(mandat.rum).toBe(rum);
    expect(mandat.versions[0]).toMatchObject({ numero: 2, ibanFin: "3000" });
    expect(dechiffrerIban(mandat.versions[0]!)).toBe("DE89370400440532013000");
    expect(await db().versionMandat.count({ where: { mandatId: mandat.id } })).toBe(2);
  });

  it("a revocation cancels the family's debits not yet presented and ends the mandate", async () => {
    const p = await parent("Iriart");
    const { rum } = await signerMandat(p.signature());
    const mandat = (await mandatActif(p.familleId))!;
    const fa = await facture(p.familleId, 4250, "2026-12-31");
    const prevu = await db().prelevement.create({
      data: {
        factureId: fa.id,
        familleId: p.familleId,
        mandatId: mandat.id,
        versionNumero: 1,
        montantCentimes: 4250,
        datePrelevement: new Date("2026-12-10T00:00:00Z"),
        sequence: "FRST",
        endToEndId: `E2E-${randomUUID().slice(0, 20)}`,
        creeLe: NOW,
      },
    });
    // the pre-notification: the invoice's page data and its PDF say when it is debited
    expect((await detailFacture({ usagerId: p.usager.id }, fa.numero, NOW))!.prelevement).toEqual({
      date: "10/12/2026",
      montantCentimes: 4250,
      rum,
    });
    const pdfFacture = (await pdfDeFacture({ usagerId: p.usager.id }, fa.numero, NOW))!;
    expect((await texteDuPdf(pdfFacture.bytes)).join(" ")).toContain("42,50 € sera prélevé le 10/12/2026");
    const autre = await parent("Jaureguy");
    expect(
      (await refus(revoquerMandat({ rum, par: { kind: "USAGER", usagerId: autre.usager.id }, now: NOW }))).message,
    ).toBe("Ce mandat est introuvable.");
    const { annules } = await revoquerMandat({ rum, par: { kind: "USAGER", usagerId: p.usager.id }, now: NOW });
    expect(annules).toBe(1);
    expect((await db().prelevement.findUniqueOrThrow({ where: { id: prevu.id } })).statut).toBe("ANNULE");
    const apres = await db().mandatSepa.findUniqueOrThrow({ where: { id: mandat.id }, include: { historique: true } });
    expect(apres).toMatchObject({ statut: "REVOQUE", revoqueLe: NOW });
    expect(apres.historique.map((h) => h.vers).sort()).toEqual(["ACTIF", "REVOQUE"]);
    expect(await mandatActif(p.familleId)).toBeNull();
    expect(
      (await refus(revoquerMandat({ rum, par: { kind: "USAGER", usagerId: p.usager.id }, now: NOW }))).message,
    ).toMatch(/révoqué/);
  });

  it("lapses after 36 months without a debit, by the clock it is given", async () => {
    const p = await parent("Larralde");
    const { rum } = await signerMandat(p.signature({ now: new Date("2023-12-01T09:00:00Z") }));
    const debite = await parent("Mendiburu");
    const recent = await signerMandat(debite.signature({ now: new Date("2023-11-01T09:00:00Z") }));
    await db().mandatSepa.update({ where: { rum: recent.rum }, data: { dernierPrelevement: new Date("2024-01-10") } });

    await rendreCaducs(new Date("2026-11-30T03:37:00Z"));
    expect((await db().mandatSepa.findUniqueOrThrow({ where: { rum } })).statut).toBe("ACTIF");
    await rendreCaducs(new Date("2026-12-02T03:37:00Z"));
    const caduc = await db().mandatSepa.findUniqueOrThrow({ where: { rum }, include: { historique: true } });
    expect(caduc.statut).toBe("CADUC");
    expect(caduc.historique.find((h) => h.vers === "CADUC")).toMatchObject({ de: "ACTIF", acteur: "SYSTEME" });
    // debited in January 2024: 36 months run from that debit, not from its signature
    expect((await db().mandatSepa.findUniqueOrThrow({ where: { rum: recent.rum } })).statut).toBe("ACTIF");
  });
});

describe("the full mandate's PDF", () => {
  it("shows the IBAN whole to its family and to an admin; another family gets nothing, as for an unknown RUM", async () => {
    const p = await parent("Nogues");
    const { rum } = await signerMandat(p.signature());
    const pdf = (await pdfDeMandat({ usagerId: p.usager.id }, rum))!;
    expect(pdf.nom).toBe(`mandat-${rum}.pdf`);
    expect((await texteDuPdf(pdf.bytes)).join("\n")).toContain("FR76 3000 6000 0112 3456 7890 189");
    expect(await pdfDeMandat({ admin: true }, rum)).not.toBeNull();
    const autre = await parent("Olhagaray");
    expect(await pdfDeMandat({ usagerId: autre.usager.id }, rum)).toBeNull();
    expect(await pdfDeMandat({ usagerId: p.usager.id }, "PF-AAAAAAAA-1")).toBeNull();
  });
});
