// Paying an invoice online through PayFiP, against the local stand-in over real HTTP (its SOAP service, its
// payment page, its notifications delivered to the app's notification route): notifications that come five times
// at once, late, or never; P5 then P; a refusal; one live attempt per invoice, and « Payer en ligne » again never
// waits (an abandoned attempt gives way to a new one, a paid one is shown paid, paid in two tabs is credit);
// another family's invoice.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const standIn = await vi.hoisted(async () => {
  const { startPayfipStandIn } = await import("../stand-ins/payfip");
  const s = await startPayfipStandIn({ reglages: { notifications: 0 } });
  // read by lib/config.ts at its first use (the notification route's settings)
  process.env.PAYFIP_URL = s.url;
  process.env.PAYFIP_NUMCLI = "000000";
  process.env.PAYFIP_SAISIE = "T";
  return s;
});

import { POST } from "@/app/api/payfip/notification/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { compteFamille } from "@/lib/domain/paiement/compte";
import { constaterOperation, payerEnLigne, rattraperOperations } from "@/lib/domain/paiement/payfip";
import { factureDuUsager, retourPaiement } from "@/lib/domain/paiement/queries";
import { etatFacture } from "@/lib/domain/paiement/soldes";
import { seedCommune } from "@/prisma/seed";
import { facture, familleValidee, serveurNotification } from "./paiement-fixtures";

const reglages = { url: standIn.url, numcli: "000000", saisie: "T" as const };
// The notification route reads the machine's clock (PayFiP's calls carry no other): the tests' clock starts there.
const NOW = new Date();
/** Due in a month: the invoices are "à payer", not late. */
const ECHEANCE = new Date(NOW.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

let notification: Awaited<ReturnType<typeof serveurNotification>>;

beforeAll(async () => {
  await seedCommune();
  notification = await serveurNotification(POST);
}, 60_000);

afterAll(async () => {
  await notification?.close();
  await standIn.close();
});

/** A family with one invoice of 42,50 € due in a month, and an attempt to pay it opened at `now`. */
async function tentative(nom: string, now = NOW) {
  const f = await familleValidee(nom);
  const fa = await facture(f.familleId, 4250, ECHEANCE);
  const { url } = await payerEnLigne({
    usagerId: f.usager.id,
    numero: fa.numero,
    now,
    reglages,
    urls: { notification: notification.url, retour: `http://127.0.0.1/factures/${fa.numero}/payer/retour` },
  });
  const idOp = new URL(url).searchParams.get("idop")!;
  return { ...f, facture: fa, idOp, url };
}

/** The payer's choice on the stand-in's page, as the browser posts it. */
async function surLaPage(idOp: string, carte: string) {
  const reponse = await fetch(`${standIn.url}/tpa/paiementws.web`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ idop: idOp, carte, choix: "carte" }).toString(),
  });
  expect(reponse.status).toBe(200);
}

const paiements = (familleId: string) =>
  db().paiement.findMany({ where: { familleId }, include: { affectations: true } });
const etat = async (factureId: string, now = NOW) =>
  etatFacture(
    await db().facture.findUniqueOrThrow({
      where: { id: factureId },
      include: { avoir: true, affectations: true },
    }),
    now,
  );

describe("PayFiP", () => {
  it("opens an operation at PayFiP with the invoice's amount and reference, and its page says how to choose", async () => {
    const t = await tentative("Ospital");
    const operation = standIn.operations().find((o) => o.idOp === t.idOp)!;
    expect(operation).toMatchObject({ montant: "4250", numcli: "000000", saisie: "T", exer: String(t.facture.annee) });
    expect(operation.refdet).toBe(t.facture.numero.replace(/-/g, ""));
    expect(operation.objet).toMatch(/^[A-Za-z0-9 ]+$/);
    const page = await (await fetch(t.url)).text();
    expect(page).toContain("0002");
    expect(await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).toMatchObject({
      statut: "EN_COURS",
      enCours: t.facture.id,
      montantCentimes: 4250,
    });
  });

  it("five notifications at once make one payment, allocated to the invoice", async () => {
    const t = await tentative("Bidart");
    await surLaPage(t.idOp, "4970100000000001");
    const statuts = await Promise.all(Array.from({ length: 5 }, () => notification.notifier(t.idOp)));
    expect(statuts).toEqual([200, 200, 200, 200, 200]);
    const [paiement, ...autres] = await paiements(t.familleId);
    expect(autres).toEqual([]);
    expect(paiement).toMatchObject({ mode: "CB_PAYFIP", montantCentimes: 4250, reference: t.idOp });
    expect(paiement!.affectations).toEqual([
      expect.objectContaining({ factureId: t.facture.id, montantCentimes: 4250 }),
    ]);
    expect(await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).toMatchObject({
      statut: "PAYEE",
      enCours: null,
      resultrans: "P",
      paiementId: paiement!.id,
    });
    expect(await etat(t.facture.id)).toBe("PAYEE");
  });

  it("the stand-in's own notifications, sent twice, make one payment", async () => {
    standIn.regler({ notifications: 2 });
    try {
      const t = await tentative("Haran");
      await surLaPage(t.idOp, "4970100000000001");
      await expect.poll(() => standIn.notificationsEnvoyees().filter((n) => n.idOp === t.idOp).length).toBe(2);
      expect(
        standIn
          .notificationsEnvoyees()
          .filter((n) => n.idOp === t.idOp)
          .map((n) => n.statut),
      ).toEqual([200, 200]);
      expect(await paiements(t.familleId)).toHaveLength(1);
    } finally {
      standIn.regler({ notifications: 0 });
    }
  });

  it("no notification: the catch-up job finds the payment; a late notification afterwards changes nothing", async () => {
    const t = await tentative("Larre");
    await surLaPage(t.idOp, "4970100000000001");
    const rattrapage = await rattraperOperations({ now: minutes(3), reglages });
    expect(rattrapage.fermees).toBeGreaterThanOrEqual(1);
    const apres = await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } });
    expect(apres.statut).toBe("PAYEE");
    const avant = await paiements(t.familleId);
    expect(avant).toHaveLength(1);

    // PayFiP's notification arrives an hour later, and again the next day
    expect(await notification.notifier(t.idOp)).toBe(200);
    standIn.regler({ horloge: new Date(NOW.getTime() + 86_400_000) });
    try {
      expect(await notification.notifier(t.idOp)).toBe(200);
    } finally {
      standIn.regler({ horloge: null });
    }
    expect(await paiements(t.familleId)).toEqual(avant);
    expect(await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).toEqual(apres);
  });

  it("P5 while the payer is on the page, then P: paid", async () => {
    const t = await tentative("Urcuit");
    expect(await notification.notifier(t.idOp)).toBe(200);
    expect((await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).statut).toBe("EN_COURS");
    expect(await rattraperOperations({ now: minutes(5), reglages })).toMatchObject({ examinees: expect.any(Number) });
    expect((await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).statut).toBe("EN_COURS");
    await surLaPage(t.idOp, "4970100000000001");
    const operation = await constaterOperation({ idOp: t.idOp, now: minutes(6), reglages });
    expect(operation?.statut).toBe("PAYEE");
    expect(await etat(t.facture.id)).toBe("PAYEE");
  });

  it("refused (R): the invoice stays à payer, and a new attempt may start at once", async () => {
    const t = await tentative("Etcheverry");
    await surLaPage(t.idOp, "4970100000000002");
    await notification.notifier(t.idOp);
    expect(await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).toMatchObject({
      statut: "REFUSEE",
      resultrans: "R",
      enCours: null,
    });
    expect(await paiements(t.familleId)).toEqual([]);
    expect(await etat(t.facture.id)).toBe("A_PAYER");
    const retour = await retourPaiement(t.usager.id, t.facture.numero, t.idOp, NOW);
    expect(retour?.operation?.statut).toBe("REFUSEE");
    await expect(
      payerEnLigne({
        usagerId: t.usager.id,
        numero: t.facture.numero,
        now: minutes(1),
        reglages,
        urls: { notification: notification.url, retour: "http://127.0.0.1/retour" },
      }),
    ).resolves.toMatchObject({ url: expect.stringContaining("idop=") });
  });

  it("one live attempt per invoice: two clicks at once give one; « Payer en ligne » again closes it and opens another", async () => {
    const f = await familleValidee("Garat");
    const fa = await facture(f.familleId, 1800, ECHEANCE);
    const essayer = (now: Date) =>
      payerEnLigne({
        usagerId: f.usager.id,
        numero: fa.numero,
        now,
        reglages,
        urls: { notification: notification.url, retour: "http://127.0.0.1/retour" },
      });
    const resultats = await Promise.allSettled([essayer(NOW), essayer(NOW)]);
    expect(resultats.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    for (const refus of resultats.filter((r) => r.status === "rejected")) {
      expect(refus.reason).toBeInstanceOf(AppError);
      expect((refus.reason as AppError).code).toBe("en_cours");
      expect((refus.reason as AppError).message).not.toContain("20 minutes");
    }
    expect(await db().operationPayfip.count({ where: { factureId: fa.id, statut: "EN_COURS" } })).toBe(1);

    // 3 minutes later, still P5 at PayFiP (the payer left the page): no waiting, the earlier one gives way
    await expect(essayer(minutes(3))).resolves.toMatchObject({ url: expect.stringContaining("idop=") });
    const operations = await db().operationPayfip.findMany({
      where: { factureId: fa.id, statut: { not: "ABANDONNEE" } },
      orderBy: { creeLe: "asc" },
    });
    expect(operations.map((o) => o.statut)).toEqual(["EN_COURS"]);
    expect(operations[0]!.creeLe).toEqual(minutes(3));
    expect(await db().operationPayfip.count({ where: { factureId: fa.id, statut: "ABANDONNEE" } })).toBeGreaterThan(0);
  });

  it("abandoned on PayFiP's page, then « Payer en ligne » again within the 20 minutes: a new attempt starts", async () => {
    const t = await tentative("Ahetze");
    await surLaPage(t.idOp, "4970100000000003");
    const { url } = await payerEnLigne({
      usagerId: t.usager.id,
      numero: t.facture.numero,
      now: minutes(2),
      reglages,
      urls: { notification: notification.url, retour: "http://127.0.0.1/retour" },
    });
    const nouvel = new URL(url).searchParams.get("idop")!;
    expect(nouvel).not.toBe(t.idOp);
    expect(await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).toMatchObject({
      statut: "ABANDONNEE",
      resultrans: "A",
      enCours: null,
    });
    expect(await db().operationPayfip.findUniqueOrThrow({ where: { idOp: nouvel } })).toMatchObject({
      statut: "EN_COURS",
      enCours: t.facture.id,
    });
    // the new one is paid: one payment
    await surLaPage(nouvel, "4970100000000001");
    expect(await notification.notifier(nouvel)).toBe(200);
    expect(await paiements(t.familleId)).toHaveLength(1);
    expect(await etat(t.facture.id)).toBe("PAYEE");
  });

  it("paid on PayFiP's page but no notification yet: « Payer en ligne » shows it paid, and opens nothing", async () => {
    const t = await tentative("Bassussarry");
    await surLaPage(t.idOp, "4970100000000001");
    const resultat = await payerEnLigne({
      usagerId: t.usager.id,
      numero: t.facture.numero,
      now: minutes(1),
      reglages,
      urls: { notification: notification.url, retour: `http://127.0.0.1/factures/${t.facture.numero}/payer/retour` },
    });
    expect(resultat).toEqual({
      payee: true,
      url: `http://127.0.0.1/factures/${t.facture.numero}/payer/retour?idop=${t.idOp}`,
    });
    expect(await db().operationPayfip.count({ where: { factureId: t.facture.id } })).toBe(1);
    expect(await etat(t.facture.id)).toBe("PAYEE");
    const retour = await retourPaiement(t.usager.id, t.facture.numero, t.idOp, minutes(1));
    expect(retour?.operation?.statut).toBe("PAYEE");
  });

  it("paid in two tabs (the earlier attempt's page too): both payments are kept, the second is the family's credit", async () => {
    const t = await tentative("Jaxu");
    // the payer opens a second tab and pays there; the first attempt (P5) is closed by the second
    const { url } = await payerEnLigne({
      usagerId: t.usager.id,
      numero: t.facture.numero,
      now: minutes(1),
      reglages,
      urls: { notification: notification.url, retour: "http://127.0.0.1/retour" },
    });
    const second = new URL(url).searchParams.get("idop")!;
    await surLaPage(second, "4970100000000001");
    expect(await notification.notifier(second)).toBe(200);
    expect(await etat(t.facture.id)).toBe("PAYEE");

    // then pays on the first tab's page, still open at PayFiP: its notification records it too
    await surLaPage(t.idOp, "4970100000000001");
    expect(await notification.notifier(t.idOp)).toBe(200);
    expect(await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).toMatchObject({
      statut: "PAYEE",
      resultrans: "P",
    });
    const tous = await paiements(t.familleId);
    expect(tous).toHaveLength(2);
    expect(tous.flatMap((p) => p.affectations).reduce((s, a) => s + a.montantCentimes, 0)).toBe(4250);
    expect((await compteFamille(t.familleId, minutes(2))).soldeCentimes).toBe(-4250);
  });

  it("an attempt closed by a newer one and paid on its page without notification: the catch-up job finds it", async () => {
    const t = await tentative("Itxassou");
    await payerEnLigne({
      usagerId: t.usager.id,
      numero: t.facture.numero,
      now: minutes(1),
      reglages,
      urls: { notification: notification.url, retour: "http://127.0.0.1/retour" },
    });
    await surLaPage(t.idOp, "4970100000000001");
    await rattraperOperations({ now: minutes(4), reglages });
    expect((await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).statut).toBe("PAYEE");
    expect(await etat(t.facture.id)).toBe("PAYEE");
  });

  it("the catch-up job expires an operation nobody finished after 20 minutes", async () => {
    const t = await tentative("Arcangues");
    await rattraperOperations({ now: minutes(25), reglages });
    expect((await db().operationPayfip.findUniqueOrThrow({ where: { idOp: t.idOp } })).statut).toBe("EXPIREE");
    expect(await etat(t.facture.id)).toBe("A_PAYER");
  });

  it("PayFiP down: the attempt is closed (ECHEC) with a French message, and nothing stays locked", async () => {
    const f = await familleValidee("Jatxou");
    const fa = await facture(f.familleId, 2500, ECHEANCE);
    standIn.regler({ panne: "indisponible" });
    try {
      await expect(
        payerEnLigne({
          usagerId: f.usager.id,
          numero: fa.numero,
          now: NOW,
          reglages,
          urls: { notification: notification.url, retour: "http://127.0.0.1/retour" },
        }),
      ).rejects.toMatchObject({ code: "indisponible", message: expect.stringContaining("ne répond pas") });
    } finally {
      standIn.regler({ panne: null });
    }
    expect(await db().operationPayfip.findFirstOrThrow({ where: { factureId: fa.id } })).toMatchObject({
      statut: "ECHEC",
      enCours: null,
      idOp: null,
    });
  });

  it("another family's invoice is as absent as a wrong number (404)", async () => {
    const t = await tentative("Mouguerre");
    const autre = await familleValidee("Lahonce");
    expect(await factureDuUsager(autre.usager.id, t.facture.numero)).toBeNull();
    expect(await retourPaiement(autre.usager.id, t.facture.numero, t.idOp, NOW)).toBeNull();
    await expect(
      payerEnLigne({
        usagerId: autre.usager.id,
        numero: t.facture.numero,
        now: minutes(30),
        reglages,
        urls: { notification: notification.url, retour: "http://127.0.0.1/retour" },
      }),
    ).rejects.toMatchObject({ code: "introuvable" });
  });

  it("the notification route: a malformed idop gets 400, an unknown one 200 and nothing", async () => {
    const reponse = await fetch(notification.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "idop=%3Cscript%3E",
    });
    expect(reponse.status).toBe(400);
    expect(await notification.notifier("00000000-0000-0000-0000-000000000000")).toBe(200);
  });
});
