// The client the demo and the e2e suite register with the OpenID stand-ins (a stand-in's secret, public on
// purpose). Apart from tests/stand-ins/franceconnect.ts so that playwright.config.ts reads it without loading
// oidc-provider.
export const DEMO_CLIENT = {
  clientId: "portail-famille-demo",
  clientSecret: "secret-du-bouchon-oidc-de-demo-0123456789",
};
