// Shared by the security review's tests (issue 12: securite-espaces, securite-connexion and securite-donnees
// .test.ts): the commune they run in, numbers and client addresses of the file's own, an activated space and the
// mails queued to an address.
import { beforeAll } from "vitest";
import { db } from "@/lib/db";
import { creerEspace } from "@/lib/domain/usager/creer";
import { activerEspace } from "@/lib/domain/usager/activer";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { lienDuDernierCourriel, nouvelEspace } from "./espace-fixtures";

export const MDP = "Villefranque-64990!";
let rang = 0;
/** A number never given before in this file: names and addresses of each test's own. */
export const unique = () => ++rang;
export const ip = () => `198.51.100.${unique()}`;

/** The hook of a test file: the commune and its activités, once. */
export function preparerCommune(): void {
  beforeAll(async () => {
    await seedCommune();
    await seedActivites("Villefranque");
  });
}

/** An activated space whose password is MDP. */
export async function espaceActive(prefixe: string) {
  const n = unique();
  const espace = nouvelEspace({ identifiant: `${prefixe}${n}`, courriel: `${prefixe}${n}@exemple.fr` });
  await creerEspace(espace, { ip: ip() });
  await activerEspace(await lienDuDernierCourriel(espace.contact.courriel, "activation"));
  return db().usager.findUniqueOrThrow({ where: { identifiantNormalise: espace.identifiant.toLowerCase() } });
}

export const mailsA = (to: string, subject?: RegExp) =>
  db()
    .outboxMail.findMany({ where: { to }, orderBy: { createdAt: "asc" } })
    .then((mails) => mails.filter((mail) => !subject || subject.test(mail.subject)));
