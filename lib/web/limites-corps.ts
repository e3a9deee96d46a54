// What a POST to a page (a server action: Next's client, or a form sent without JavaScript) may weigh (issue 30).
// Next's own limit (serverActions.bodySizeLimit, next.config.ts) is one for every action, so it has to be the
// largest upload's; the proxy refuses, from the announced length and before anything is read, a body over what
// that page's forms need: 1 Mo for a form without a file — the login, Créer mon espace's text steps, a month of
// reservations — and a file's limit, with room above, on the few pages whose forms carry one. (The room lets a
// file somewhat over its limit reach the action whole and get its French message beside the field when the
// browser runs no JavaScript; with JavaScript the browser refuses it before sending.) The route handlers get the
// same 1 Mo (next-auth's forms, PayFiP's notification), but the upload route /api/pieces, which checks its own
// limit and answers in French JSON: the proxy lets a little more through, so the route's message is the one seen.
// The rule is applied from the headers, before the body is read: refusDuCorps below.
import { PHOTO_MAX_OCTETS, PIECE_MAX_OCTETS } from "@/lib/storage/limites";

const MO = 1024 * 1024;

/** A form without a file. */
export const LIMITE_ACTION = MO;

/** Room above a file's limit: the file twice, and the form's text. */
const avecMarge = (octets: number) => 2 * octets + MO;

/** The pages whose forms carry a file; `session`: only for a caller with a session cookie (1 Mo otherwise). */
const PAGES_AVEC_FICHIER: { motif: RegExp; octets: number; session: boolean }[] = [
  // Échanges (MessageForm): a piece of 10 Mo, the parent's and the agent's
  { motif: /^\/demandes\/[^/]+$/, octets: avecMarge(PIECE_MAX_OCTETS), session: true },
  { motif: /^\/agent\/demandes\/[^/]+$/, octets: avecMarge(PIECE_MAX_OCTETS), session: true },
  // an absence's justificatif
  { motif: /^\/famille\/enfants\/[^/]+\/absences$/, octets: avecMarge(PIECE_MAX_OCTETS), session: true },
  // Créer mon espace: the identity photo, before any account exists
  { motif: /^\/creer-mon-espace\/[^/]+$/, octets: avecMarge(PHOTO_MAX_OCTETS), session: false },
  // the family's pièces justificatives (the route's own limit is 10 Mo and the form's fields)
  { motif: /^\/api\/pieces$/, octets: avecMarge(PIECE_MAX_OCTETS), session: true },
  // the console: a document utile (10 Mo), the logo (1 Mo), the school calendar's export (10 Mo)
  { motif: /^\/agent\/portail$/, octets: avecMarge(PIECE_MAX_OCTETS), session: true },
  { motif: /^\/agent\/parametrage$/, octets: avecMarge(MO), session: true },
  { motif: /^\/agent\/parametrage\/reservations$/, octets: avecMarge(PIECE_MAX_OCTETS), session: true },
];

/** The largest of them: Next's bodySizeLimit and proxyClientMaxBodySize (next.config.ts) must allow it. */
export const LIMITE_ACTION_MAX = Math.max(...PAGES_AVEC_FICHIER.map((page) => page.octets));

/** What a POST to this path may weigh. */
export function limiteDuCorps(chemin: string, avecSession: boolean): number {
  const page = PAGES_AVEC_FICHIER.find(({ motif }) => motif.test(chemin));
  return page && (avecSession || !page.session) ? page.octets : LIMITE_ACTION;
}

export const MESSAGE_TROP_LOURD =
  "Le formulaire envoyé est trop lourd : réessayez sans fichier ou avec un fichier plus léger.";

/**
 * Whether a request is refused from its headers alone: a POST announcing more than its path takes (413), or
 * announcing no length at all (411: a chunked body, which a browser never sends). Checked by the node's own
 * HTTP server (scripts/serveur.ts) before any of the body is read, the rest drained and never kept (Next reads
 * a whole body before its proxy runs), and again by proxy.ts, for a server started another way (`next dev`).
 */
export function refusDuCorps(requete: {
  methode: string | undefined;
  chemin: string;
  longueur: string | null | undefined;
  morcelee: boolean;
  avecSession: boolean;
}): 413 | 411 | null {
  if (requete.methode !== "POST") return null;
  if (requete.longueur === null || requete.longueur === undefined) return requete.morcelee ? 411 : null;
  return Number(requete.longueur) > limiteDuCorps(requete.chemin, requete.avecSession) ? 413 : null;
}
