export const dynamic = "force-dynamic";

export const metadata = { title: "Plancher du cadre" };

// The framework's floor for the bench (npm run bench, scripts/bench/pages.ts): a page Next renders for each
// request, with neither session nor query, under the root layout every page has (which reads the commune from
// Next's data cache, refreshed at most every 30 s, and the environment: nothing per request) and behind
// proxy.ts (its per-request nonce). The bench's own floor, /mon-espace/plancher, is measured against it. No
// link leads here; it shows nothing.
export default function PlancherCadrePage() {
  return (
    <div className="carte">
      <h1 className="titre-page">Plancher du cadre</h1>
    </div>
  );
}
