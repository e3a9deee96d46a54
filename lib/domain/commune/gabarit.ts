// What every page's frame shows of the commune (its name, logo and site), read through Next's data cache under
// the tag `commune`: the pages served from the cache (the login page, see proxy.ts) carry the tag, so the
// Paramétrage invalidates them with the commune (communeModifiee, in its server actions), and the admin sees
// the change at once. Other nodes behind a load balancer keep their own cache: they follow within
// REVALIDATION_COMMUNE_S, as lib/commune.ts's copy does.
import "server-only";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { unstable_cache, updateTag } from "next/cache";
import { connection } from "next/server";
import { getCommune } from "@/lib/commune";

export const TAG_COMMUNE = "commune";
/** seconds; the same 30 s as getCommune's copy */
export const REVALIDATION_COMMUNE_S = 30;

export type CommuneDuGabarit = { nom: string; logoKey: string | null; siteUrl: string | null };

const communeEnCache = unstable_cache(
  async (): Promise<CommuneDuGabarit> => {
    const { nom, logoKey, siteUrl } = await getCommune();
    return { nom, logoKey, siteUrl };
  },
  ["commune-du-gabarit"],
  { tags: [TAG_COMMUNE], revalidate: REVALIDATION_COMMUNE_S },
);

/**
 * The commune of the frame. During `next build` there is no database (CI builds without one): every page the
 * build would render is left to the run time instead (connection() makes it dynamic), so nothing is rendered
 * at build time. At run time a page that reads the request is dynamic anyway, and the pages served from the
 * cache are rendered at their first request.
 */
export async function communeDuGabarit(): Promise<CommuneDuGabarit> {
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) await connection();
  return communeEnCache();
}

/**
 * After a change of the commune, in the server action that made it (the domain command already dropped
 * getCommune's copy): this node's cached frame and every cached page showing it are rendered again at their
 * next request, which waits for the new one (updateTag, not the stale-while-revalidate of revalidateTag).
 */
export function communeModifiee(): void {
  updateTag(TAG_COMMUNE);
}
