// `npm run demo` (and a preview) only: the PayFiP stand-in (tests/stand-ins/payfip.ts), started beside the portal
// when PAYFIP_URL is unset, so a reviewer can pay an invoice on its card page (a number ending in 0002 is
// refused, 0003 abandons). It listens on 127.0.0.1, port PORT+267: a preview host must expose that port too.
// A commune's portal (no --demo) never gets it: there, "Payer en ligne" needs the real PAYFIP_* settings.
export async function bouchonPayfipDeDemo(port: number): Promise<Record<string, string>> {
  if (process.env.PAYFIP_URL) return {};
  // Loaded only when needed (an image built without the test files has none: no online payment then).
  const standIn = await import("../tests/stand-ins/payfip").catch(() => null);
  if (!standIn) {
    console.log("Bouchon PayFiP indisponible : pas de paiement en ligne.");
    return {};
  }
  const { url } = await standIn.startPayfipStandIn({ port: port + 267 });
  console.log(`Bouchon PayFiP : ${url}`);
  return { PAYFIP_URL: url, PAYFIP_NUMCLI: standIn.NUMCLI_STAND_IN, PAYFIP_SAISIE: "T" };
}
