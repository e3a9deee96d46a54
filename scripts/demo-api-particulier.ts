// `npm run demo` (and a preview) only: the API Particulier stand-in (tests/stand-ins/api-particulier.ts), started
// beside the portal when API_PARTICULIER_URL is unset, so a reviewer sees the QF read from the CAF: Claire
// ETCHART, the demo's titulaire, is one of its known identities (CAF 850 €). It listens on 127.0.0.1, port
// PORT+268; the portal calls it from the server only. A commune's portal (no --demo) never gets it.
export async function bouchonApiParticulierDeDemo(
  port: number,
  franceconnect?: string,
): Promise<Record<string, string>> {
  if (process.env.API_PARTICULIER_URL) return {};
  // Loaded only when needed (an image built without the test files has none: no QF from the CAF then).
  const standIn = await import("../tests/stand-ins/api-particulier").catch(() => null);
  if (!standIn) {
    console.log("Bouchon API Particulier indisponible : pas de quotient familial lu auprès de la CAF.");
    return {};
  }
  const { url } = await standIn.startApiParticulierStandIn({ port: port + 268, franceconnect });
  console.log(`Bouchon API Particulier : ${url}`);
  return {
    API_PARTICULIER_URL: url,
    API_PARTICULIER_JETON: standIn.JETON_STAND_IN,
    API_PARTICULIER_SIRET: standIn.SIRET_STAND_IN,
  };
}
