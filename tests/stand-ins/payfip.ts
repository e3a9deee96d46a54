// A local stand-in for PayFiP (the public treasury's online payment), which no test machine or preview host can
// reach, faithful to what docs/faits/payfip.md records of the real service:
// - its SOAP service `POST /tpa/services/securite`, served by the `soap` package from the same committed WSDL as
//   the adapter's (lib/payfip/PaiementSecuriseService.wsdl): creerPaiementSecurise, recupererDetailPaiementSecurise
//   and recupererDetailClient, with the real element names; errors are SOAP faults (HTTP 500, `S:Fault`, faultstring
//   fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur, detail FonctionnelleErreur{code, descriptif,
//   libelle, message, severite}): R3 (refdet), A2 (mel), P1 (idOp unknown or purged at night), P5 (result not
//   known yet: the payer is still on the page); a malformed request gets a TechProtocolaireErreur, and a switch
//   makes the service answer TechIndisponibiliteErreur to everything;
// - its payment page `GET /tpa/paiementws.web?idop=` (open 15 minutes): a card form whose number's last four
//   digits choose the outcome, as the page says: 0002 refused (R), 0003 abandoned (A), any other paid (P); a
//   "Payer par prélèvement" button (V) and an "Abandonner" button (A). The number is never kept. Once the payer
//   has chosen, it fills dattrans, heurtrans and numauto, POSTs `idop` to urlnotif 0, 1 or 2 times (settable,
//   optionally late), and shows a ticket with the link back to urlredirect (`?idop=`);
// - a settable clock: the page's 15 minutes and the nightly purge (an operation without a result is P5 the day it
//   was opened, P1 from the next day on, in Europe/Paris) follow it.
//
// In a test process: `startPayfipStandIn()` (port 0 picks a free port) and its methods. Also a command, used by
// playwright.config.ts and by `npm run demo` (scripts/start.ts, PAYFIP_URL unset):
//   tsx tests/stand-ins/payfip.ts --serve --port 3267
// (the line "payfip stand-in listening on <url>" says it is ready). The command takes its settings as JSON on
// `POST /bouchon/reglages` ({ notifications: 0|1|2, delaiNotificationMs, horloge: ISO date or null, panne }).
import { argument, lanceEnLigneDeCommande, servir } from "./servir";
import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { listen } from "soap";
import { CHEMIN_PAGE, CHEMIN_SERVICE, CHEMIN_WSDL, NAMESPACE_PAYFIP, type Resultrans } from "../../lib/payfip/wsdl";

/** The numcli the stand-in knows when none is given (the demo's PAYFIP_NUMCLI). */
export const NUMCLI_STAND_IN = "000000";
export const DUREE_PAGE_MS = 15 * 60 * 1000;

export type OperationStandIn = {
  idOp: string;
  exer: string;
  mel: string;
  montant: string;
  numcli: string;
  objet: string;
  refdet: string;
  saisie: string;
  urlnotif: string;
  urlredirect: string;
  creeeA: Date;
  resultrans?: Resultrans;
  dattrans?: string;
  heurtrans?: string;
  numauto?: string;
};

export type ReglagesStandIn = {
  /** how many times the notification is POSTed once the payer has chosen (default 1) */
  notifications: 0 | 1 | 2;
  /** the notifications leave this long after the payer's choice (default 0) */
  delaiNotificationMs: number;
  /** the stand-in's clock; null: the machine's */
  horloge: Date | null;
  /** every SOAP call answers this technical fault */
  panne: "indisponible" | null;
};

export type PayfipStandIn = {
  /** base URL, to give as PAYFIP_URL */
  url: string;
  regler(reglages: Partial<ReglagesStandIn>): void;
  /** the operations opened, oldest first */
  operations(): OperationStandIn[];
  /** the payer's choice without the browser (what the page's buttons do) */
  choisir(idOp: string, resultrans: Resultrans): Promise<void>;
  /** the notifications sent: idOp and the HTTP status our server answered */
  notificationsEnvoyees(): { idOp: string; statut: number | string }[];
  close(): Promise<void>;
};

const FAUTE_FONCTIONNELLE = "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur";
const FAUTES_TECHNIQUES = {
  TechProtocolaireErreur: "fr.gouv.finances.cp.tpa.webservice.exceptions.TechProtocolaireErreur",
  TechIndisponibiliteErreur: "fr.gouv.finances.cp.tpa.webservice.exceptions.TechIndisponibiliteErreur",
} as const;

const LIBELLES = {
  R3: "Le format du paramètre REFDET n'est pas conforme",
  A2: "Adresse mel incorrecte",
  P1: "IdOp incorrect",
  P5: "Résultat de la transaction non connu",
} as const;

/** A SOAP fault as the service answers it (the `soap` server sends it with HTTP 500). */
function faute(type: string, faultstring: string, code: string, libelle: string, severite = 2) {
  return {
    Fault: {
      faultcode: "S:Server",
      faultstring,
      detail: {
        [`ns2:${type}`]: {
          attributes: { "xmlns:ns2": NAMESPACE_PAYFIP },
          code,
          descriptif: libelle,
          libelle,
          message: libelle,
          severite,
        },
      },
      statusCode: 500,
    },
  };
}

const fonctionnelle = (code: keyof typeof LIBELLES) =>
  faute("FonctionnelleErreur", FAUTE_FONCTIONNELLE, code, LIBELLES[code]);
const protocolaire = (libelle: string) =>
  faute("TechProtocolaireErreur", FAUTES_TECHNIQUES.TechProtocolaireErreur, "", libelle, 1);

/** Europe/Paris wall clock: { jour "DDMMYYYY", heure "HHMM", date "YYYY-MM-DD" }. */
function paris(instant: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("fr-FR", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    jour: `${parts.day}${parts.month}${parts.year}`,
    heure: `${parts.hour}${parts.minute}`,
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

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

export async function startPayfipStandIn(
  options: { port?: number; numclis?: string[]; reglages?: Partial<ReglagesStandIn> } = {},
): Promise<PayfipStandIn> {
  const numclis = new Set(options.numclis ?? [NUMCLI_STAND_IN]);
  const reglages: ReglagesStandIn = {
    notifications: 1,
    delaiNotificationMs: 0,
    horloge: null,
    panne: null,
    ...options.reglages,
  };
  const operations = new Map<string, OperationStandIn>();
  const envoyees: { idOp: string; statut: number | string }[] = [];
  const enVol = new Set<Promise<unknown>>();
  const maintenant = () => reglages.horloge ?? new Date();

  /** P1 once purged (the night after it was opened) unless it has a result. */
  const trouver = (idOp: string | undefined) => {
    const operation = idOp ? operations.get(idOp) : undefined;
    if (!operation) return undefined;
    if (!operation.resultrans && paris(maintenant()).date !== paris(operation.creeeA).date) return undefined;
    return operation;
  };

  const verifierPanne = () => {
    if (reglages.panne === "indisponible") {
      throw faute(
        "TechIndisponibiliteErreur",
        FAUTES_TECHNIQUES.TechIndisponibiliteErreur,
        "",
        "Service momentanément indisponible",
        1,
      );
    }
  };

  const service = {
    PaiementSecuriseService: {
      PaiementSecuriseServicePort: {
        creerPaiementSecurise(args: { arg0?: Record<string, string | undefined> }) {
          verifierPanne();
          const a = args.arg0 ?? {};
          if (!a.numcli || !numclis.has(a.numcli)) throw protocolaire("numcli inconnu");
          if (!/^\d{4}$/.test(a.exer ?? "")) throw protocolaire("exer incorrect");
          if (!/^\d+$/.test(a.montant ?? "") || Number(a.montant) < 100) throw protocolaire("montant incorrect");
          if (!/^[TXW]$/.test(a.saisie ?? "")) throw protocolaire("saisie incorrecte");
          if (!/^[A-Za-z0-9 ]{1,100}$/.test(a.objet ?? "")) throw protocolaire("objet incorrect");
          if (!/^[A-Za-z0-9]{6,30}$/.test(a.refdet ?? "")) throw fonctionnelle("R3");
          const mel = a.mel ?? "";
          if (mel.length < 6 || mel.length > 80 || !/^[^@\s]+@[^@\s]+$/.test(mel)) throw fonctionnelle("A2");
          if (!URL.canParse(a.urlnotif ?? "") || !URL.canParse(a.urlredirect ?? "")) {
            throw protocolaire("url incorrecte");
          }
          const idOp = randomUUID();
          operations.set(idOp, {
            idOp,
            exer: a.exer!,
            mel,
            montant: a.montant!,
            numcli: a.numcli,
            objet: a.objet!,
            refdet: a.refdet!,
            saisie: a.saisie!,
            urlnotif: a.urlnotif!,
            urlredirect: a.urlredirect!,
            creeeA: maintenant(),
          });
          return { return: { idOp } };
        },
        recupererDetailPaiementSecurise(args: { arg0?: { idOp?: string } }) {
          verifierPanne();
          const operation = trouver(args.arg0?.idOp);
          if (!operation) throw fonctionnelle("P1");
          if (!operation.resultrans) throw fonctionnelle("P5");
          return {
            return: {
              dattrans: operation.dattrans,
              exer: operation.exer,
              heurtrans: operation.heurtrans,
              idOp: operation.idOp,
              mel: operation.mel,
              montant: operation.montant,
              numauto: operation.numauto ?? "",
              numcli: operation.numcli,
              objet: operation.objet,
              refdet: operation.refdet,
              resultrans: operation.resultrans,
              saisie: operation.saisie,
            },
          };
        },
        recupererDetailClient(args: { arg0?: { numCli?: string } }) {
          verifierPanne();
          if (!args.arg0?.numCli || !numclis.has(args.arg0.numCli)) throw protocolaire("numCli inconnu");
          return {
            return: {
              libelleN1: "COMMUNE DE VILLEFRANQUE",
              libelleN2: "REGIE ENFANCE",
              libelleN3: "",
              numcli: args.arg0.numCli,
            },
          };
        },
      },
    },
  };

  function notifier(operation: OperationStandIn) {
    for (let i = 0; i < reglages.notifications; i++) {
      const envoi = (async () => {
        if (reglages.delaiNotificationMs) await new Promise((r) => setTimeout(r, reglages.delaiNotificationMs));
        try {
          const reponse = await fetch(operation.urlnotif, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ idop: operation.idOp }).toString(),
            signal: AbortSignal.timeout(20_000),
          });
          envoyees.push({ idOp: operation.idOp, statut: reponse.status });
        } catch (error) {
          envoyees.push({ idOp: operation.idOp, statut: error instanceof Error ? error.name : "erreur" });
        }
      })();
      enVol.add(envoi);
      void envoi.finally(() => enVol.delete(envoi));
    }
  }

  /** The payer's choice: the result is recorded at once, then the notifications leave (not awaited: late ones). */
  function choisir(operation: OperationStandIn, resultrans: Resultrans) {
    if (operation.resultrans) return;
    const { jour, heure } = paris(maintenant());
    Object.assign(operation, {
      resultrans,
      dattrans: jour,
      heurtrans: heure,
      numauto: resultrans === "P" || resultrans === "V" ? String(randomInt(100000, 999999)) : "",
    });
    notifier(operation);
  }

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

  const wsdl = readFileSync(CHEMIN_WSDL, "utf8");
  const server = createServer((req, res) => {
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
  });
  // The SOAP service takes its path before the handler above (soap's listen keeps the other listeners for the rest).
  listen(server, { path: CHEMIN_SERVICE, services: service, xml: wsdl, envelopeKey: "S" });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    regler(nouveaux) {
      Object.assign(reglages, nouveaux);
    },
    operations: () => [...operations.values()],
    async choisir(idOp, resultrans) {
      const operation = operations.get(idOp);
      if (!operation) throw new Error(`opération inconnue du bouchon : ${idOp}`);
      choisir(operation, resultrans);
    },
    notificationsEnvoyees: () => [...envoyees],
    close: async () => {
      await Promise.allSettled([...enVol]);
      await new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      });
    },
  };
}

// Command-line use (see the header comment).
if (lanceEnLigneDeCommande("payfip")) {
  servir("payfip", startPayfipStandIn({ port: Number(argument("port") ?? process.env.E2E_PAYFIP_PORT ?? 3267) }));
}
