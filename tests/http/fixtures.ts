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
import { nouvelEspace } from "../integration/espace-fixtures";
import { readMailDir } from "../../e2e/fixtures/mail-sink";
import { nouvelleIp, serveur } from "./client";

export const PDF =
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

export type Famille = Awaited<ReturnType<typeof familleComplete>>;

/**
 * The tokens of `motif` (one capturing group) in the mails to `courriel`, newest first, waiting up to 15 s for one
 * that `accepte`: in the outbox while a mail waits there, in the SMTP sink once the app's job runner has sent it
 * (a sent mail's body is not kept in the outbox). The runner takes a mail the moment its command commits, whether
 * the app or this test process committed it.
 */
export async function jetonDeCourriel(
  courriel: string,
  motif: RegExp,
  accepte: (jeton: string) => boolean = () => true,
): Promise<string> {
  const jusqua = Date.now() + 15_000;
  const global = new RegExp(motif.source, "g");
  for (;;) {
    const enAttente = await db().outboxMail.findMany({ where: { to: courriel }, orderBy: { createdAt: "desc" } });
    const recus = (await readMailDir(serveur.mailDir)).filter((m) => m.to.includes(courriel.toLowerCase())).reverse();
    for (const { text } of [...enAttente, ...recus]) {
      for (const [, jeton] of text.matchAll(global)) if (jeton && accepte(jeton)) return jeton;
    }
    if (Date.now() > jusqua) throw new Error(`no mail to ${courriel} carries ${motif}`);
    await new Promise((fin) => setTimeout(fin, 100));
  }
}

/** The raw suivi token of a demande, read back from its deposit mail (only its hash is kept). */
const jetonDeSuivi = (courriel: string, suiviTokenHash: string | null) =>
  jetonDeCourriel(courriel, /\/demandes\/suivi\/([A-Za-z0-9_-]+)/, (jeton) => hashToken(jeton) === suiviTokenHash);

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
  await activerEspace(await jetonDeCourriel(espace.contact.courriel, /\/activation\/([A-Za-z0-9_-]+)/));
  return {
    usagerId,
    identifiant: espace.identifiant,
    motDePasse: espace.motDePasse,
    courriel: espace.contact.courriel,
  };
}
