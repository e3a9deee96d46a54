// Builders shared by the integration tests: a complete "Créer mon espace" submission, and the link a
// queued mail carries.
import { db } from "@/lib/db";
import { adresseSchema, contactSchema, identiteSchema, type NouvelEspace } from "@/lib/domain/usager/schemas";

let counter = 0;

export function nouvelEspace(
  overrides: Partial<Pick<NouvelEspace, "identifiant" | "motDePasse">> & { courriel?: string } = {},
): NouvelEspace & { motDePasse: string; identifiant: string } {
  counter++;
  return {
    cguVersion: 1,
    cguAcceptedAt: new Date(),
    // through the wizard's own schemas, as the last step assembles them
    identite: identiteSchema.parse({ civilite: "MADAME", nomUsage: "Etchart", prenoms: "Claire" }),
    adresse: adresseSchema.parse({
      adresseNumero: "65",
      adresseVoie: "Route de Saint Pierre d'Irube",
      codePostal: "64990",
      ville: "Villefranque",
      pays: "France",
    }),
    contact: contactSchema.parse({ courriel: overrides.courriel ?? `parent${counter}@exemple.fr` }),
    identifiant: overrides.identifiant ?? `parent${counter}`,
    motDePasse: overrides.motDePasse ?? "Villefranque-64990!",
  };
}

/** The token in the newest queued mail to that address whose link goes to `path`. */
export async function lienDuDernierCourriel(to: string, path: "activation" | "mot-de-passe-oublie"): Promise<string> {
  const mail = await db().outboxMail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = mail.text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`Aucun lien /${path}/ dans « ${mail.subject} »`);
  return match[1];
}
