// The demo accounts' logins, without any import: the seed uses them, and so do the e2e fixtures, which must
// not load the database client to know a password.
export const DEMO_PARENT = { identifiant: "parent.demo", motDePasse: "Famille-Demo-2026!" };
export const DEMO_PARENT_EN_ATTENTE = { identifiant: "parent.attente", motDePasse: "Famille-Demo-2026!" };
export const DEMO_AGENT = { identifiant: "agent.demo", motDePasse: "Agent-Demo-2026!" };
export const DEMO_ADMIN = { identifiant: "admin.demo", motDePasse: "Admin-Demo-2026!" };
/**
 * admin.demo's TOTP secret (base32), public on purpose: demo users add it to an authenticator app, and the
 * e2e tests compute codes from it. A real admin enrols at /agent/securite with a secret of their own.
 */
export const DEMO_ADMIN_TOTP = "KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD";
