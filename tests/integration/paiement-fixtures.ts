// Builders for the payment tests: a family validated by an agent, and its invoices written straight to the facturation's tables (the invoicing run is not what these
// tests are about; the e2e factory goes through it), plus the PayFiP stand-in's notifications delivered to the
// real notification route over HTTP.
import { randomInt } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db";
import { familleValidee as familleAvecEnfant } from "./inscription-fixtures";

/** A family validated by an agent (inscription-fixtures.ts), with its clé enfance. */
export async function familleValidee(nom: string) {
  const famille = await familleAvecEnfant(nom);
  const { cleEnfance } = await db().famille.findUniqueOrThrow({ where: { id: famille.familleId } });
  return { ...famille, cleEnfance };
}

/** An invoice of `totalCentimes` due on `echeance` (YYYY-MM-DD), for the month before it. */
export async function facture(familleId: string, totalCentimes: number, echeance: string) {
  // random (test files share a database), but at most 9 digits as a real counter's: a PES title's NumDette is
  // the year and the sequence in 13 digits
  const sequence = randomInt(1, 999_999_999);
  const fin = new Date(`${echeance}T00:00:00Z`);
  const debut = new Date(Date.UTC(fin.getUTCFullYear(), fin.getUTCMonth() - 1, 1));
  return db().facture.create({
    data: {
      numero: `FA-${fin.getUTCFullYear()}-${String(sequence).padStart(10, "0")}`,
      serie: "FA",
      annee: fin.getUTCFullYear(),
      sequence,
      familleId,
      periodeDebut: debut,
      periodeFin: new Date(Date.UTC(debut.getUTCFullYear(), debut.getUTCMonth() + 1, 0)),
      emiseLe: debut,
      echeanceLe: fin,
      totalCentimes,
      destinataire: "Mme ETCHART Claire",
      adresse: "65 Route de Saint Pierre d'Irube 64990 Villefranque",
    },
  });
}

/**
 * A local HTTP server in front of the app's notification route (app/api/payfip/notification/route.ts): the
 * stand-in and the tests POST to it over real HTTP, it hands the request to the route's own handler.
 */
export async function serveurNotification(handler: (request: Request) => Promise<Response>) {
  const server = createServer(async (req, res) => {
    const morceaux: Buffer[] = [];
    for await (const morceau of req) morceaux.push(morceau as Buffer);
    const reponse = await handler(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === "POST" ? Buffer.concat(morceaux) : undefined,
      }),
    ).catch(() => new Response(null, { status: 500 }));
    res.writeHead(reponse.status).end(await reponse.text());
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/payfip/notification`;
  return {
    url,
    notifier: (idOp: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ idop: idOp }).toString(),
      }).then((r) => r.status),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The access matrix's invoice of a family, and a payment of 10 € recorded at the régie and allocated to it. */
export async function factureEtPaiement(familleId: string) {
  const fa = await facture(familleId, 4250, "2026-12-10");
  const paiement = await db().paiement.create({
    data: {
      familleId,
      montantCentimes: 1000,
      mode: "CHEQUE",
      date: new Date("2026-11-20T00:00:00Z"),
      reference: fa.id,
    },
  });
  await db().affectationPaiement.create({ data: { paiementId: paiement.id, factureId: fa.id, montantCentimes: 1000 } });
  return { factureNumero: fa.numero, paiementId: paiement.id };
}
