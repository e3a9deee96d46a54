// State for the http tests, built with the domain commands on the running app's database: a family validated
// by an agent with everything a second family must not reach (its Ajout de famille and suivi link, a child
// and its dossier santé, a piece in Mes documents, an agent's message with an attachment, an inscription
// draft), and agents of each role.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { creerAgent } from "@/lib/domain/agent/creer";
import { activerEspace } from "@/lib/domain/usager/activer";
import { creerEspace } from "@/lib/domain/usager/creer";
import { commencerInscription } from "@/lib/domain/inscription/brouillon";
import { envoyerMessage } from "@/lib/domain/demande/messages";
import { deposerPiece } from "@/lib/domain/piece/pieces";
import type { RoleAgent } from "@/lib/generated/prisma/enums";
import { inscrire } from "@/prisma/demo-reservations";
import { familleValidee } from "../integration/inscription-fixtures";
import { lienDuDernierCourriel, nouvelEspace } from "../integration/espace-fixtures";
import { nouvelleIp } from "./client";

export const PDF =
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

export type Famille = Awaited<ReturnType<typeof familleComplete>>;

/** The raw suivi token of a demande, read back from its deposit mail in the outbox (only its hash is kept). */
async function jetonDeSuivi(courriel: string, suiviTokenHash: string | null): Promise<string> {
  const mails = await db().outboxMail.findMany({ where: { to: courriel, text: { contains: "/demandes/suivi/" } } });
  for (const mail of mails) {
    for (const [, jeton] of mail.text.matchAll(/\/demandes\/suivi\/([A-Za-z0-9_-]+)/g)) {
      if (hashToken(jeton!) === suiviTokenHash) return jeton!;
    }
  }
  throw new Error(`no deposit mail to ${courriel} carries the demande's suivi link`);
}

/**
 * A validated family and what belongs to it. `activiteId`: an activity open for inscriptions (seedActivites),
 * for an inscription draft; `reservable`: another one, where the child's inscription is accepted by the agent
 * (what Gérer mes réservations books on).
 */
export async function familleComplete(
  nom: string,
  { activiteId, reservable }: { activiteId?: number; reservable?: number } = {},
) {
  const famille = await familleValidee(nom);
  const { usager, instructeur, enfantId } = famille;
  const demande = await db().demande.findFirstOrThrow({ where: { usagerId: usager.id, type: "AJOUT_FAMILLE" } });
  const piece = await deposerPiece({
    usagerId: usager.id,
    type: "LIVRET_FAMILLE",
    fichier: new File([PDF], "livret.pdf", { type: "application/pdf" }),
  });
  const message = await envoyerMessage({
    demandeId: demande.id,
    auteur: { kind: "AGENT", agentId: instructeur.id, nom: instructeur.nom },
    contenu: "Voici le règlement.",
    piece: { bytes: new TextEncoder().encode(PDF), mime: "application/pdf", nom: "reglement.pdf" },
  });
  const inscription = activiteId
    ? await commencerInscription({ usagerId: usager.id, enfantId, activiteId })
    : undefined;
  const inscriptionAcceptee = reservable
    ? await inscrire({ usagerId: usager.id, enfantId, activiteId: reservable, agent: instructeur })
    : undefined;
  const titulaire = await db().representant.findFirstOrThrow({ where: { usagerId: usager.id } });
  return {
    ...famille,
    numero: demande.numero!,
    suivi: await jetonDeSuivi(usager.courriel, demande.suiviTokenHash),
    pieceId: piece.id,
    messageId: message.id,
    inscriptionId: inscription,
    inscriptionAccepteeId: inscriptionAcceptee,
    representantId: titulaire.id,
  };
}

export const MOT_DE_PASSE_AGENT = "Console-Agent-2026!";

/** An agent of that role, created as the console creates one (its password hashed by argon2id). */
export async function nouvelAgent(role: RoleAgent = "AGENT") {
  const identifiant = `agent.${randomUUID().slice(0, 12)}`;
  const id = await creerAgent(
    {
      identifiant,
      courriel: `${identifiant}@mairie.test`,
      nom: "Etcheverry",
      prenom: "Ttotte",
      role,
      motDePasse: MOT_DE_PASSE_AGENT,
    },
    { par: "seed" },
  );
  return db().agent.findUniqueOrThrow({ where: { id } });
}

/** A space created and activated as the wizard and the activation link do, its password hashed by argon2id. */
export async function espaceActive() {
  const suffixe = randomUUID().slice(0, 8);
  const espace = nouvelEspace({ identifiant: `parent.${suffixe}`, courriel: `parent.${suffixe}@exemple.fr` });
  const { usagerId } = await creerEspace(espace, { ip: nouvelleIp() });
  // null only when the courriel already had a space: each test's courriel is new
  if (!usagerId) throw new Error(`L'espace ${espace.identifiant} n'a pas été créé.`);
  await activerEspace(await lienDuDernierCourriel(espace.contact.courriel, "activation"));
  return {
    usagerId,
    identifiant: espace.identifiant,
    motDePasse: espace.motDePasse,
    courriel: espace.contact.courriel,
  };
}
