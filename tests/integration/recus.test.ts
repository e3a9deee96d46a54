// Every payment gets its reçu (issue 24): for each mode (cheque, cash, CESU, virement at the régie; a card through
// PayFiP) a number in the gap-free série RE, and a mail to the family delivered to a real SMTP sink with the reçu's
// PDF attached, whose text names the number, the mode, the amount and the invoices paid. Once handed to the
// server, the mail's body and its file are not kept. The PDF is downloadable by the family and agents only.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { sink, standIn } = await vi.hoisted(async () => {
  const { startMailSink } = await import("@/e2e/fixtures/mail-sink");
  const { startPayfipStandIn } = await import("../stand-ins/payfip");
  const sink = await startMailSink({ port: 0 });
  // read once by lib/config.ts, before the app's modules load
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  const standIn = await startPayfipStandIn({ reglages: { notifications: 0 } });
  process.env.PAYFIP_URL = standIn.url;
  process.env.PAYFIP_NUMCLI = "000000";
  process.env.PAYFIP_SAISIE = "T";
  return { sink, standIn };
});

import { POST } from "@/app/api/payfip/notification/route";
import { db } from "@/lib/db";
import { enregistrerPaiement } from "@/lib/domain/paiement/enregistrer";
import { payerEnLigne } from "@/lib/domain/paiement/payfip";
import { pdfDeRecu } from "@/lib/domain/paiement/recu";
import { drainOutbox } from "@/lib/mail/outbox";
import { seedCommune } from "@/prisma/seed";
import { texteDuPdf } from "../pdf-texte";
import { agent } from "./demande-fixtures";
import { facture, familleValidee, serveurNotification } from "./paiement-fixtures";

const NOW = new Date("2026-11-20T09:00:00Z");
let agentId: string;
let notification: Awaited<ReturnType<typeof serveurNotification>>;

beforeAll(async () => {
  await seedCommune();
  agentId = (await agent("Regisseur")).id;
  notification = await serveurNotification(POST);
}, 60_000);

afterAll(async () => {
  await notification?.close();
  await standIn.close();
  await sink.close();
});

/** The reçu mail of a payment as the sink received it, with its PDF's text. */
async function recuRecu(paiementId: string, courriel: string) {
  const { recuNumero } = await db().paiement.findUniqueOrThrow({ where: { id: paiementId } });
  expect(recuNumero).toMatch(/^RE-2026-\d{6}$/);
  await drainOutbox();
  const mail = await sink.waitFor({ to: courriel, subject: `Reçu de votre paiement ${recuNumero}` });
  const pieces = mail.parsed.attachments;
  expect(pieces.map((p) => [p.filename, p.contentType])).toEqual([[`recu-${recuNumero}.pdf`, "application/pdf"]]);
  return { numero: recuNumero!, mail, texte: (await texteDuPdf(pieces[0]!.content)).join("\n") };
}

const guichet = (cleEnfance: string, mode: "CHEQUE" | "ESPECES" | "CESU" | "VIREMENT", montant: number, ref?: string) =>
  enregistrerPaiement({
    agentId,
    pour: { cleEnfance },
    mode,
    montantCentimes: montant,
    date: "2026-11-18",
    reference: ref,
    now: NOW,
  });

describe("reçus", () => {
  it("a cheque, cash, CESU and a virement each get a numbered reçu mailed with its PDF", async () => {
    const f = await familleValidee("Recalde");
    const septembre = await facture(f.familleId, 3000, "2026-10-15");
    const octobre = await facture(f.familleId, 4000, "2026-11-15");

    const cheque = await recuRecu((await guichet(f.cleEnfance, "CHEQUE", 5000, "7654321")).id, f.usager.courriel);
    expect(cheque.texte).toContain(`Reçu N° ${cheque.numero}`);
    expect(cheque.texte).toContain("Chèque");
    expect(cheque.texte).toContain("50,00 €");
    expect(cheque.texte).toContain(`Facture N° ${septembre.numero}`);
    expect(cheque.texte).toContain(`Facture N° ${octobre.numero}`);
    expect(cheque.texte).toContain("Reste à payer sur cette facture : 20,00 €");
    expect(cheque.texte).toMatch(/Reste à payer sur votre compte\s*\n?20,00 €/);
    // the mail says the payment arrived, never the cheque's number nor any bank detail
    expect(cheque.mail.text).toContain("50,00 € (Chèque) du 18/11/2026");
    expect(cheque.mail.text + cheque.mail.html).not.toContain("7654321");

    const especes = await recuRecu((await guichet(f.cleEnfance, "ESPECES", 2500)).id, f.usager.courriel);
    expect(especes.texte).toContain("Espèces");
    expect(especes.texte).toContain("25,00 €");
    expect(especes.texte).toContain("Facture soldée");
    expect(especes.texte).toContain(`Facture N° ${octobre.numero}`);
    expect(especes.texte).toMatch(/Gardé en avoir sur votre compte\s*\n?5,00 €/);
    expect(especes.texte).toMatch(/Avoir disponible\s*\n?5,00 €/);

    const cesu = await recuRecu((await guichet(f.cleEnfance, "CESU", 2000, "CESU-1")).id, f.usager.courriel);
    expect(cesu.texte).toContain("CESU");
    expect(cesu.texte).toContain("20,00 €");
    expect(cesu.texte).toContain("le montant est gardé en avoir");
    expect(cesu.texte).toMatch(/Avoir disponible\s*\n?25,00 €/);

    const novembre = await facture(f.familleId, 4500, "2026-12-15");
    const virement = await recuRecu((await guichet(f.cleEnfance, "VIREMENT", 2000, "VIR-R")).id, f.usager.courriel);
    expect(virement.texte).toContain("Virement");
    expect(virement.texte).toContain(`Facture N° ${novembre.numero}`);

    // handed to the SMTP server: the body and the PDF are not kept in the outbox
    const envoye = await db().outboxMail.findFirstOrThrow({
      where: { subject: `Reçu de votre paiement ${cheque.numero}` },
      include: { pieces: true },
    });
    expect(envoye).toMatchObject({ status: "SENT", transport: "smtp", html: "", text: "", pieces: [] });

    // the PDF downloaded later says what the mailed one said; another family's parent gets nothing
    // (but its date of issue: the payment's record, where the mail had the command's clock)
    const telecharge = await pdfDeRecu({ usagerId: f.usager.id }, cheque.numero);
    const sansEmission = (texte: string) => texte.replace(/^Émis le .*$/m, "");
    expect(sansEmission((await texteDuPdf(telecharge!.bytes)).join("\n"))).toBe(sansEmission(cheque.texte));
    expect((await pdfDeRecu({ agent: true }, cheque.numero))?.nom).toBe(`recu-${cheque.numero}.pdf`);
    const autre = await familleValidee("Larressore");
    expect(await pdfDeRecu({ usagerId: autre.usager.id }, cheque.numero)).toBeNull();
  });

  it("a card payment through PayFiP gets its reçu too", async () => {
    const f = await familleValidee("Sare");
    const now = new Date();
    const echeance = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const fa = await facture(f.familleId, 4250, echeance);
    const { url } = await payerEnLigne({
      usagerId: f.usager.id,
      numero: fa.numero,
      now,
      reglages: { url: standIn.url, numcli: "000000", saisie: "T" },
      urls: { notification: notification.url, retour: `http://127.0.0.1/factures/${fa.numero}/payer/retour` },
    });
    const idOp = new URL(url).searchParams.get("idop")!;
    const page = await fetch(`${standIn.url}/tpa/paiementws.web`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ idop: idOp, carte: "4970100000000001", choix: "carte" }).toString(),
    });
    expect(page.status).toBe(200);
    expect(await notification.notifier(idOp)).toBe(200);
    const paiement = await db().paiement.findFirstOrThrow({ where: { familleId: f.familleId } });
    const recu = await recuRecu(paiement.id, f.usager.courriel);
    expect(recu.texte).toContain("Carte bancaire en ligne (PayFiP)");
    expect(recu.texte).toContain("42,50 €");
    expect(recu.texte).toContain(`Facture N° ${fa.numero}`);
    expect(recu.texte).toContain("Votre compte est à jour");
    // a second notification makes no second payment nor a second reçu
    expect(await notification.notifier(idOp)).toBe(200);
    expect(await db().paiement.count({ where: { familleId: f.familleId } })).toBe(1);
  });

  it("numbers the reçus of the year without a gap, in the order the payments were recorded", async () => {
    const f = await familleValidee("Ascain");
    await facture(f.familleId, 1000, "2026-11-15");
    // two payments at once: the counter's row lock orders them
    await Promise.all([guichet(f.cleEnfance, "ESPECES", 700), guichet(f.cleEnfance, "ESPECES", 800)]);
    const numeros = (
      await db().paiement.findMany({ where: { recuNumero: { not: null } }, select: { recuNumero: true } })
    )
      .map((p) => Number(p.recuNumero!.slice(-6)))
      .sort((a, b) => a - b);
    expect(numeros).toEqual(numeros.map((_, i) => i + 1));
    expect(await db().paiement.count({ where: { recuNumero: null } })).toBe(0);
  });
});
