// The adapter of the PayFiP Régie web service (SOAP 1.1, document/literal), through the `soap` package against the
// committed WSDL (lib/payfip/PaiementSecuriseService.wsdl), never hand-built XML. Three facts drive its use:
// - creerPaiementSecurise opens an operation (an idOp) whose page lives 15 minutes; the parent is sent to
//   `<PAYFIP_URL>/tpa/paiementws.web?idop=<idOp>`;
// - PayFiP's notification carries the idop only, unsigned: the result is ALWAYS asked of
//   recupererDetailPaiementSecurise (so a forged notification can only trigger a lookup);
// - recupererDetailPaiementSecurise answers a fault P5 while the payer is still on the page, P1 for an idOp it
//   does not know (or purged at night): both are states here, not errors.
// Nothing about the card passes through us: PayFiP's page takes it, and its answer has none.
import "server-only";
import { createClientAsync, type Client } from "soap";
import { CHEMIN_PAGE, CHEMIN_SERVICE, CHEMIN_WSDL, RESULTRANS, type Resultrans } from "@/lib/payfip/wsdl";

export type ReglagesPayfip = {
  /** https://www.payfip.gouv.fr, or the local stand-in's address */
  url: string;
  /** the régie's 6-digit client number */
  numcli: string;
  /** T test, X activation, W production */
  saisie: "T" | "X" | "W";
};

export type DemandePaiement = {
  /** the invoice's year (4 digits) */
  exer: number;
  /** the payer's address (6 to 80 characters) */
  mel: string;
  /** integer cents, at least 100 */
  montant: number;
  /** ≤ 100 characters; accents and punctuation are removed here */
  objet: string;
  /** the invoice's reference: 6 to 30 letters and digits */
  refdet: string;
  urlnotif: string;
  urlredirect: string;
};

export type DetailPaiement =
  | {
      etat: "resultat";
      idOp: string;
      resultrans: Resultrans;
      /** integer cents */
      montant: number;
      refdet: string;
      numauto: string | null;
      /** when PayFiP recorded the transaction (Europe/Paris wall clock, DDMMYYYY + HHMM) */
      dattrans: string | null;
      heurtrans: string | null;
    }
  /** fault P5: the payer is still on the page (or has not come back) */
  | { etat: "en_cours" }
  /** fault P1: an idOp PayFiP does not know, or purged at night */
  | { etat: "inconnu" };

/** A fault PayFiP answered (its code: R3, A2…), or a technical failure (no answer, a technical fault). */
export class ErreurPayfip extends Error {
  constructor(
    readonly code: string,
    readonly libelle: string,
    /** FonctionnelleErreur, TechDysfonctionnementErreur… or "reseau" */
    readonly type: string,
  ) {
    super(`PayFiP ${type} ${code} : ${libelle}`);
    this.name = "ErreurPayfip";
  }
}

const clients = new Map<string, Promise<Client>>();

function client(url: string): Promise<Client> {
  const endpoint = `${url.replace(/\/$/, "")}${CHEMIN_SERVICE}`;
  let promesse = clients.get(endpoint);
  if (!promesse) {
    promesse = createClientAsync(CHEMIN_WSDL, { endpoint, wsdl_options: { timeout: 10_000 } });
    promesse.catch(() => clients.delete(endpoint));
    clients.set(endpoint, promesse);
  }
  return promesse;
}

/** PayFiP's `objet`: letters, digits and spaces only, at most 100 characters. */
export function objetPayfip(texte: string): string {
  return texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}

/** PayFiP's `refdet`: 6 to 30 letters and digits (an invoice number "2026-000123" gives "2026000123"). */
export function refdetPayfip(reference: string): string {
  const refdet = reference.replace(/[^A-Za-z0-9]/g, "").slice(0, 30);
  return refdet.length >= 6 ? refdet : refdet.padStart(6, "0");
}

export function urlPagePaiement(reglages: ReglagesPayfip, idOp: string): string {
  return `${reglages.url.replace(/\/$/, "")}${CHEMIN_PAGE}?idop=${encodeURIComponent(idOp)}`;
}

type FauteSoap = { code: string; libelle: string; type: string };

/** The fault's detail (FonctionnelleErreur{code, libelle…}) from the error `soap` throws on an HTTP 500. */
function lireFaute(error: unknown): FauteSoap | null {
  const fault = (error as { root?: { Envelope?: { Body?: { Fault?: Record<string, unknown> } } } })?.root?.Envelope
    ?.Body?.Fault;
  if (!fault) return null;
  const detail = (fault.detail ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const [type, erreur] = Object.entries(detail).find(([, valeur]) => valeur && typeof valeur === "object") ?? [];
  const faultstring = String(fault.faultstring ?? "");
  return {
    type: type ?? faultstring.split(".").pop() ?? "faute",
    code: String(erreur?.code ?? ""),
    libelle: String(erreur?.libelle ?? erreur?.message ?? faultstring),
  };
}

async function appeler<T>(url: string, operation: string, arg0: Record<string, string>): Promise<T> {
  const soap = await client(url).catch((error: unknown) => {
    throw new ErreurPayfip("", error instanceof Error ? error.message : String(error), "wsdl");
  });
  const methode = soap[`${operation}Async`] as (args: unknown, options?: unknown) => Promise<[T]>;
  try {
    const [reponse] = await methode({ arg0 }, { timeout: 15_000 });
    return reponse;
  } catch (error) {
    const faute = lireFaute(error);
    if (faute) throw new ErreurPayfip(faute.code, faute.libelle, faute.type);
    throw new ErreurPayfip("", error instanceof Error ? error.message : String(error), "reseau");
  }
}

/** Opens an operation; returns its idOp. */
export async function creerPaiementSecurise(reglages: ReglagesPayfip, demande: DemandePaiement): Promise<string> {
  if (!Number.isInteger(demande.montant) || demande.montant < 100) {
    throw new RangeError("PayFiP : un montant entier d'au moins 100 centimes");
  }
  const reponse = await appeler<{ return?: { idOp?: string } }>(reglages.url, "creerPaiementSecurise", {
    exer: String(demande.exer),
    mel: demande.mel,
    montant: String(demande.montant),
    numcli: reglages.numcli,
    objet: objetPayfip(demande.objet),
    refdet: refdetPayfip(demande.refdet),
    saisie: reglages.saisie,
    urlnotif: demande.urlnotif,
    urlredirect: demande.urlredirect,
  });
  const idOp = reponse?.return?.idOp;
  if (!idOp) throw new ErreurPayfip("", "réponse sans idOp", "reponse");
  return idOp;
}

/** The operation's state as PayFiP knows it (the only source of a payment's result). */
export async function recupererDetailPaiementSecurise(
  reglages: Pick<ReglagesPayfip, "url">,
  idOp: string,
): Promise<DetailPaiement> {
  let reponse: { return?: Record<string, string | undefined> };
  try {
    reponse = await appeler(reglages.url, "recupererDetailPaiementSecurise", { idOp });
  } catch (error) {
    if (error instanceof ErreurPayfip && error.type === "FonctionnelleErreur") {
      if (error.code === "P5") return { etat: "en_cours" };
      if (error.code === "P1") return { etat: "inconnu" };
    }
    throw error;
  }
  const detail = reponse?.return ?? {};
  const resultrans = detail.resultrans as Resultrans;
  const montant = Number(detail.montant);
  if (!RESULTRANS.includes(resultrans) || !Number.isInteger(montant) || detail.idOp !== idOp) {
    throw new ErreurPayfip("", "réponse incomplète", "reponse");
  }
  return {
    etat: "resultat",
    idOp,
    resultrans,
    montant,
    refdet: detail.refdet ?? "",
    numauto: detail.numauto || null,
    dattrans: detail.dattrans || null,
    heurtrans: detail.heurtrans || null,
  };
}
