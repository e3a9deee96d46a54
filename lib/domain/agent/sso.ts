// An agent signing in through the commune's SSO: the configured claim names an EXISTING agent account (its
// courriel for `email`, its identifiant for any other claim); an unknown or disabled agent is refused, and no
// account is ever created this way. The second factor still applies as after a password, unless the provider
// asserts it did one itself.
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { openSession } from "@/lib/auth/sessions";
import { secondFacteurExige } from "@/lib/auth/second-facteur";

export type ConnexionSso = { ok: true; token: string; mfaEnAttente: boolean } | { ok: false };

export async function connexionAgentSso(input: {
  claim: string;
  valeur: unknown;
  mfaAffirme: boolean;
  ip: string;
}): Promise<ConnexionSso> {
  const { claim, ip } = input;
  const valeur = typeof input.valeur === "string" ? input.valeur.trim().toLowerCase() : "";
  return db().$transaction(async (tx) => {
    const candidats = !valeur
      ? []
      : claim === "email"
        ? await tx.agent.findMany({ where: { courriel: { equals: valeur, mode: "insensitive" } }, take: 2 })
        : await tx.agent.findMany({ where: { identifiantNormalise: valeur }, take: 2 });
    // Two accounts sharing a courriel: the SSO cannot tell which one is meant.
    const agent = candidats.length === 1 ? candidats[0]! : null;
    if (!agent || !agent.active) {
      await journal(tx, {
        event: "connexion.sso_refusee",
        actorKind: "AGENT",
        actorId: agent?.id,
        ip,
        details: { claim, motif: agent ? "desactive" : candidats.length > 1 ? "ambigu" : "inconnu" },
      });
      return { ok: false };
    }
    const mfaEnAttente = !input.mfaAffirme && (await secondFacteurExige(tx, agent));
    if (mfaEnAttente) {
      await journal(tx, { event: "connexion.sso_valide", actorKind: "AGENT", actorId: agent.id, ip });
    } else {
      await tx.agent.update({ where: { id: agent.id }, data: { lastLoginAt: new Date() } });
      await journal(tx, {
        event: "connexion.reussie",
        actorKind: "AGENT",
        actorId: agent.id,
        ip,
        details: { methode: "sso", secondFacteurDuFournisseur: input.mfaAffirme },
      });
    }
    return {
      ok: true,
      token: await openSession(tx, { kind: "AGENT", agentId: agent.id }, ip, { mfaEnAttente }),
      mfaEnAttente,
    };
  });
}
