// The pages served from Next's cache ("coquilles", issue 14): the login page and the public pages have nothing
// of the request to render, so each is rendered at its first request (never at build time: there is no
// database then), kept in the server's memory (lib/web/cache-pages.mjs, next.config.ts's cacheHandler), and
// served again as is until its `revalidate` seconds pass or a console action invalidates it (revalidatePath, or
// the tag `commune` the frame reads under, lib/domain/commune/gabarit.ts).
//
// Each lives in an optional catch-all with no static params (`<page>/[[...coquille]]/page.tsx`): that is what
// makes Next render a fixed path on demand and then cache it. Its page exports, besides:
//   export const revalidate = 30;   (seconds: other nodes behind a load balancer follow a change within this)
//   export const dynamicParams = true;
//   export { aucunCheminALAvance as generateStaticParams } from "@/lib/coquille";
// and calls sansSousChemin first. A deeper path is a 404 answered by the proxy (proxy.ts's COQUILLES), so that
// nothing fills the cache; the page says so too.
//
// What depends on the visitor is done in the browser (the header's hint cookie, components/layout). The
// Content-Security-Policy of these pages allows inline scripts (no per-request nonce in a shared page): they
// render agent-written content as text only, which React escapes, and the lint forbids raw HTML
// (react/no-danger, eslint.config.mjs).
import { notFound } from "next/navigation";

export type ParamsDeCoquille = { params: Promise<{ coquille?: string[] }> };

/** generateStaticParams: no path rendered at build time. */
export function aucunCheminALAvance(): { coquille?: string[] }[] {
  return [];
}

/** A path below the page is a 404 (the proxy already answers it; a direct render says the same). */
export async function sansSousChemin({ params }: ParamsDeCoquille): Promise<void> {
  if ((await params).coquille) notFound();
}
