// The PayFiP stand-in's state (tests/stand-ins/payfip.ts): the operations opened, its settings and its clock, the
// payer's choice and the notifications it then sends. Its SOAP service (payfip-soap.ts) and its pages
// (payfip-pages.ts) read and change it.
import { randomInt } from "node:crypto";
import type { Resultrans } from "../../lib/payfip/wsdl";

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

export type EtatPayfip = ReturnType<typeof creerEtat>;

/** The stand-in's state; its settings from `initiaux`, else one notification, no delay, the machine's clock. */
export function creerEtat(initiaux: Partial<ReglagesStandIn> = {}) {
  const reglages: ReglagesStandIn = {
    notifications: 1,
    delaiNotificationMs: 0,
    horloge: null,
    panne: null,
    ...initiaux,
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

  return { reglages, operations, envoyees, enVol, maintenant, trouver, choisir };
}
