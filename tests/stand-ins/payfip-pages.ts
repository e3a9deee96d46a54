// The PayFiP stand-in's HTTP pages (tests/stand-ins/payfip.ts): its payment page `GET /tpa/paiementws.web?idop=`
// (a card form whose number's last four digits choose the outcome, a "Payer par prélèvement" and an "Abandonner"
// button; the number is never kept), the ticket with the link back to urlredirect, and `POST /bouchon/reglages`,
// where the command takes its settings as JSON.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CHEMIN_PAGE, type Resultrans } from "../../lib/payfip/wsdl";
import { DUREE_PAGE_MS, type EtatPayfip, type OperationStandIn } from "./payfip-operations";

const echapper = (texte: string) =>
  texte.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(titre: string, corps: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${echapper(titre)} – PayFiP (bouchon de test)</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f4f4f4}
header,main{max-width:32rem;margin:0 auto;padding:1rem}
header{background:#1d3557;color:#fff;max-width:none}
.carte{background:#fff;border:1px solid #767676;border-radius:.5rem;padding:1rem;margin-bottom:1rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{font-size:1rem;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #595959;border-radius:.25rem}
button,a.bouton{display:inline-block;font-size:1rem;padding:.6rem 1rem;margin:.75rem .5rem 0 0;border-radius:.25rem;
border:2px solid #1d3557;background:#1d3557;color:#fff;text-decoration:none;cursor:pointer}
button.secondaire{background:#fff;color:#1d3557}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
</style></head><body>
<header><p><strong>PayFiP</strong> — bouchon local de test : aucun paiement réel, aucune carte n'est débitée.</p></header>
<main><h1>${echapper(titre)}</h1>${corps}</main></body></html>`;
}

const euros = (centimes: string) =>
  (Number(centimes) / 100).toLocaleString("fr-FR", { style: "currency", currency: "EUR" });

async function lireCorps(req: IncomingMessage): Promise<string> {
  const morceaux: Buffer[] = [];
  for await (const morceau of req) morceaux.push(morceau as Buffer);
  return Buffer.concat(morceaux).toString("utf8");
}

/** The request handler of the stand-in's pages: the payment page, the settings, a 404 for anything else. */
export function pagesPayfip(etat: EtatPayfip): (req: IncomingMessage, res: ServerResponse) => void {
  const { reglages, maintenant, trouver, choisir } = etat;

  const retour = (operation: OperationStandIn) => {
    const url = new URL(operation.urlredirect);
    url.searchParams.set("idop", operation.idOp);
    return url.toString();
  };

  async function pagePaiement(req: IncomingMessage, res: ServerResponse, url: URL) {
    const html = (statut: number, titre: string, corps: string) =>
      res.writeHead(statut, { "content-type": "text/html; charset=utf-8" }).end(page(titre, corps));
    if (req.method === "GET") {
      const operation = trouver(url.searchParams.get("idop") ?? undefined);
      if (!operation) return html(404, "Opération inconnue", "<p>Cette opération de paiement est inconnue.</p>");
      if (operation.resultrans) {
        return html(
          200,
          "Paiement déjà traité",
          `<p>Cette opération est terminée.</p><p><a class="bouton" href="${echapper(retour(operation))}">Retourner sur le site de la collectivité</a></p>`,
        );
      }
      if (maintenant().getTime() - operation.creeeA.getTime() > DUREE_PAGE_MS) {
        return html(410, "Session expirée", "<p>Le délai de 15 minutes pour payer est dépassé.</p>");
      }
      return html(
        200,
        "Paiement de votre facture",
        `<div class="carte"><p>${echapper(operation.objet)}</p><p>Référence : ${echapper(operation.refdet)}</p>
<p>Montant : <strong>${euros(operation.montant)}</strong></p></div>
<form method="post" class="carte">
<input type="hidden" name="idop" value="${echapper(operation.idOp)}">
<p id="regle">Bouchon de test : un numéro de carte se terminant par <strong>0002</strong> est refusé,
par <strong>0003</strong> abandonne le paiement ; tout autre numéro est accepté.</p>
<label for="carte">Numéro de carte</label>
<input id="carte" name="carte" inputmode="numeric" autocomplete="off" aria-describedby="regle" required>
<label for="expiration">Date d'expiration (MM/AA)</label>
<input id="expiration" name="expiration" autocomplete="off" value="12/30">
<button type="submit" name="choix" value="carte">Payer par carte</button>
<button type="submit" name="choix" value="prelevement" class="secondaire" formnovalidate>Payer par prélèvement</button>
<button type="submit" name="choix" value="abandon" class="secondaire" formnovalidate>Abandonner</button>
</form>`,
      );
    }
    if (req.method === "POST") {
      const form = new URLSearchParams(await lireCorps(req));
      const operation = trouver(form.get("idop") ?? undefined);
      if (!operation) return html(404, "Opération inconnue", "<p>Cette opération de paiement est inconnue.</p>");
      if (!operation.resultrans && maintenant().getTime() - operation.creeeA.getTime() > DUREE_PAGE_MS) {
        return html(410, "Session expirée", "<p>Le délai de 15 minutes pour payer est dépassé.</p>");
      }
      const carte = (form.get("carte") ?? "").replace(/\D/g, "");
      const choix = form.get("choix");
      const resultrans: Resultrans =
        choix === "abandon"
          ? "A"
          : choix === "prelevement"
            ? "V"
            : carte.endsWith("0002")
              ? "R"
              : carte.endsWith("0003")
                ? "A"
                : "P";
      choisir(operation, resultrans);
      const message = {
        P: "Votre paiement par carte est accepté.",
        V: "Votre paiement par prélèvement est enregistré.",
        R: "Votre paiement est refusé par votre banque.",
        Z: "Le prélèvement est refusé.",
        A: "Vous avez abandonné le paiement.",
      }[operation.resultrans!];
      return html(
        200,
        "Ticket de paiement",
        `<div class="carte"><p role="status">${message}</p>
<p>Montant : ${euros(operation.montant)}</p>${operation.numauto ? `<p>Numéro d'autorisation : ${operation.numauto}</p>` : ""}</div>
<p><a class="bouton" href="${echapper(retour(operation))}">Retourner sur le site de la collectivité</a></p>`,
      );
    }
    res.writeHead(405).end();
  }

  async function bouchon(req: IncomingMessage, res: ServerResponse) {
    const corps = JSON.parse((await lireCorps(req)) || "{}") as Record<string, unknown>;
    if (typeof corps.horloge === "string" || corps.horloge === null) {
      reglages.horloge = corps.horloge ? new Date(corps.horloge) : null;
    }
    if (corps.notifications === 0 || corps.notifications === 1 || corps.notifications === 2) {
      reglages.notifications = corps.notifications;
    }
    if (typeof corps.delaiNotificationMs === "number") reglages.delaiNotificationMs = corps.delaiNotificationMs;
    if (corps.panne === "indisponible" || corps.panne === null) reglages.panne = corps.panne;
    res.writeHead(204).end();
  }

  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const suite =
      url.pathname === CHEMIN_PAGE
        ? pagePaiement(req, res, url)
        : url.pathname === "/bouchon/reglages" && req.method === "POST"
          ? bouchon(req, res)
          : Promise.resolve(void res.writeHead(404).end());
    suite.catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}
