// Preview mode (PREVIEW=1, implied by `npm run demo`): a deploy preview a reviewer opens from a link. Every page
// says the data is fictitious, both login pages show the demo accounts (the administrator's current TOTP code
// included, computed here from the public demo key), search engines are asked not to index anything, and an
// administrator can put the demo data back. Off unless PREVIEW=1: `npm start` never shows any of it.
import { codeTotp } from "@/lib/auth/totp";
import { DEMO_ADMIN, DEMO_ADMIN_TOTP, DEMO_AGENT, DEMO_PARENT, DEMO_PARENT_EN_ATTENTE } from "@/prisma/demo-comptes";

export function apercuActif(env: Record<string, string | undefined> = process.env): boolean {
  return env.PREVIEW === "1";
}

export type CompteDemonstration = { role: string; identifiant: string; motDePasse: string; codeTotp?: string };

/** The demo accounts of one login page; the administrator's code is the one valid at `now`. */
export function comptesDemonstration(cote: "usager" | "agent", now = new Date()): CompteDemonstration[] {
  if (cote === "usager") {
    return [
      { role: "Parent, famille validée", ...DEMO_PARENT },
      { role: "Parent, ajout de famille en attente", ...DEMO_PARENT_EN_ATTENTE },
    ];
  }
  return [
    { role: "Agent", ...DEMO_AGENT },
    { role: "Administrateur", ...DEMO_ADMIN, codeTotp: codeTotp(DEMO_ADMIN_TOTP, now) },
  ];
}
