// Whether this node can serve: the answer of GET /api/sante (and its alias /api/health), which the container's
// HEALTHCHECK, the load balancer and the preview script ask. The database is the one thing every page needs;
// a node whose database does not answer within DELAI_MS says so (503) and is taken out of rotation, instead of
// holding requests until the pool gives up. The status is public; the version and the commit, which tell an
// attacker which fixes a node has, only for monitoring (issue 30): a request carrying SUPERVISION_JETON.
import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import paquet from "@/package.json";

const DELAI_MS = 3_000;

export type Disponibilite = { status: "ok" | "indisponible"; version?: string; commit?: string };

/** The version served: package.json's, and the commit when the host says it (Scalingo, the image's build). */
function version(): Pick<Disponibilite, "version" | "commit"> {
  const commit = process.env.SOURCE_VERSION || process.env.GIT_COMMIT || undefined;
  return { version: paquet.version, ...(commit ? { commit } : {}) };
}

/** Whether the request is the monitoring's: `Authorization: Bearer <SUPERVISION_JETON>` (none set: nobody). */
export function supervision(authorization: string | null, jeton = config.supervisionJeton): boolean {
  if (!jeton || !authorization?.startsWith("Bearer ")) return false;
  const empreinte = (texte: string) => createHash("sha256").update(texte).digest();
  return timingSafeEqual(empreinte(authorization.slice("Bearer ".length)), empreinte(jeton));
}

export async function disponibilite(delaiMs = DELAI_MS, { avecVersion = false } = {}): Promise<Disponibilite> {
  let minuteur: NodeJS.Timeout | undefined;
  const delai = new Promise<never>((_, reject) => {
    minuteur = setTimeout(() => reject(new Error("délai dépassé")), delaiMs);
  });
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, delai]);
    return { status: "ok", ...(avecVersion ? version() : {}) };
  } catch {
    return { status: "indisponible", ...(avecVersion ? version() : {}) };
  } finally {
    clearTimeout(minuteur);
  }
}

/** The HTTP answer: 200 when the database answers, 503 otherwise; never cached by a proxy. */
export async function reponseDisponibilite(request: Request): Promise<Response> {
  const etat = await disponibilite(DELAI_MS, { avecVersion: supervision(request.headers.get("authorization")) });
  return Response.json(etat, { status: etat.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
