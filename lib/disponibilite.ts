// Whether this node can serve: the answer of GET /api/sante (and its alias /api/health), which the container's
// HEALTHCHECK, the load balancer and the preview script ask. The database is the one thing every page needs;
// a node whose database does not answer within DELAI_MS says so (503) and is taken out of rotation, instead of
// holding requests until the pool gives up.
import { db } from "@/lib/db";
import paquet from "@/package.json";

const DELAI_MS = 3_000;

export type Disponibilite = { status: "ok" | "indisponible"; version: string; commit?: string };

/** The version served: package.json's, and the commit when the host says it (Scalingo, the image's build). */
function version(): Pick<Disponibilite, "version" | "commit"> {
  const commit = process.env.SOURCE_VERSION || process.env.GIT_COMMIT || undefined;
  return { version: paquet.version, ...(commit ? { commit } : {}) };
}

export async function disponibilite(delaiMs = DELAI_MS): Promise<Disponibilite> {
  let minuteur: NodeJS.Timeout | undefined;
  const delai = new Promise<never>((_, reject) => {
    minuteur = setTimeout(() => reject(new Error("délai dépassé")), delaiMs);
  });
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, delai]);
    return { status: "ok", ...version() };
  } catch {
    return { status: "indisponible", ...version() };
  } finally {
    clearTimeout(minuteur);
  }
}

/** The HTTP answer: 200 when the database answers, 503 otherwise; never cached by a proxy. */
export async function reponseDisponibilite(): Promise<Response> {
  const etat = await disponibilite();
  return Response.json(etat, { status: etat.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
