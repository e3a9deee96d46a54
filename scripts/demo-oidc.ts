// `npm run demo` only: the FranceConnect and agents' SSO stand-ins (tests/stand-ins/franceconnect.ts), started
// beside the portal when FRANCECONNECT_* / AGENT_OIDC_* are unset, so the buttons can be tried with the demo
// identities. They listen on 127.0.0.1 (ports PORT+265 and PORT+266): a preview host must expose those ports too.
import { DEMO_CLIENT } from "../tests/stand-ins/client-oidc-demo";
import type { ProfilStandIn } from "../tests/stand-ins/franceconnect";

const VARIABLES = { franceconnect: "FRANCECONNECT", agents: "AGENT_OIDC" } as const;

export async function bouchonsOidcDeDemo(appUrl: string, port: number): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const [profil, decalage] of [
    ["franceconnect", 265],
    ["agents", 266],
  ] as [ProfilStandIn, number][]) {
    const prefixe = VARIABLES[profil];
    if (process.env[`${prefixe}_ISSUER`]) continue;
    // Loaded only when needed: oidc-provider warns about Node 20 at import, and an image built without the dev
    // dependencies has none (the buttons then stay hidden).
    const standIns = await import("../tests/stand-ins/franceconnect").catch(() => null);
    if (!standIns) {
      console.log("Bouchons OpenID Connect indisponibles (oidc-provider absent) : pas de bouton FranceConnect.");
      return env;
    }
    const { startOidcStandIn } = standIns;
    const standIn = await startOidcStandIn({
      profil,
      port: port + decalage,
      ...DEMO_CLIENT,
      redirectUris: [`${appUrl}/api/auth/callback/${profil}`],
      postLogoutRedirectUris: [`${appUrl}/connexion?deconnecte=1`, `${appUrl}/agent/connexion?deconnecte=1`],
    });
    console.log(`Bouchon OpenID Connect (${profil}) : ${standIn.url}`);
    Object.assign(env, {
      [`${prefixe}_ISSUER`]: standIn.url,
      [`${prefixe}_CLIENT_ID`]: DEMO_CLIENT.clientId,
      [`${prefixe}_CLIENT_SECRET`]: DEMO_CLIENT.clientSecret,
    });
  }
  return env;
}
