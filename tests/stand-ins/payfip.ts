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
//
// This file starts the server and holds its API; the state is in payfip-operations.ts, the SOAP service in
// payfip-soap.ts, the payment page and the settings in payfip-pages.ts.
import { argument, lanceEnLigneDeCommande, servir } from "./servir";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Resultrans } from "../../lib/payfip/wsdl";
import { creerEtat, NUMCLI_STAND_IN, type OperationStandIn, type ReglagesStandIn } from "./payfip-operations";
import { pagesPayfip } from "./payfip-pages";
import { servirSoap } from "./payfip-soap";

export { DUREE_PAGE_MS, NUMCLI_STAND_IN, type OperationStandIn, type ReglagesStandIn } from "./payfip-operations";

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

export async function startPayfipStandIn(
  options: { port?: number; numclis?: string[]; reglages?: Partial<ReglagesStandIn> } = {},
): Promise<PayfipStandIn> {
  const numclis = new Set(options.numclis ?? [NUMCLI_STAND_IN]);
  const etat = creerEtat(options.reglages);
  const { reglages, operations, envoyees, enVol, choisir } = etat;

  const server = createServer(pagesPayfip(etat));
  // The SOAP service takes its path before the handler above (soap's listen keeps the other listeners for the rest).
  servirSoap(server, etat, numclis);

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
