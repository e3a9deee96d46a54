// Loads the seed (prisma/seed.ts) at start: the commune's settings and CGU on every install (they are
// created once, then edited by the commune), plus the demo accounts for `npm run demo` and `npm run db:reset`.
export interface DemoLogin {
  role: string;
  identifiant: string;
  motDePasse: string;
  totp?: string;
}

export async function loadDemoData(databaseUrl: string, demo = true): Promise<DemoLogin[]> {
  // lib/db.ts reads DATABASE_URL when the seed first uses the client.
  process.env.DATABASE_URL = databaseUrl;
  const { seedCommune, seedDemo } = await import("../prisma/seed");
  try {
    if (!demo) {
      await seedCommune();
      return [];
    }
    return await seedDemo();
  } finally {
    const { db } = await import("../lib/db");
    await db().$disconnect();
  }
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  if (logins.length === 0) return "";
  const width = (pick: (login: DemoLogin) => string, title: string) =>
    Math.max(title.length, ...logins.map((login) => pick(login).length));
  const roleWidth = width((login) => login.role, "Rôle");
  const idWidth = width((login) => login.identifiant, "Identifiant");
  const line = (role: string, identifiant: string, motDePasse: string) =>
    `  ${role.padEnd(roleWidth)}  ${identifiant.padEnd(idWidth)}  ${motDePasse}`;
  return [
    "Comptes de démonstration :",
    line("Rôle", "Identifiant", "Mot de passe"),
    ...logins.map((login) => line(login.role, login.identifiant, login.motDePasse)),
    ...logins
      .filter((login) => login.totp)
      .map(
        (login) =>
          `  ${login.identifiant} demande aussi un code : ajoutez la clé ${login.totp} à une application d'authentification (TOTP).`,
      ),
  ].join("\n");
}
