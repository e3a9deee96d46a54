// An agent signing in through the commune's SSO: nobody gets an account by SSO, an identity only opens an
// EXISTING, active agent account. The account is found by the identity's `sub`, the provider's stable and
// unique name for it (issue 30): the configured claim (the courriel for `email`, the identifiant for any other
// claim) serves once, to link a `sub` to an account that has none yet, and an `email` claim serves only when the
// provider says it verified that address (`email_verified`), or anyone who can set an e-mail at the provider
// would open the account that bears it. Once linked, the claim no longer matters: an agent renamed or a
// courriel reused elsewhere at the provider cannot open another account. The second factor applies as after a
// password, unless the commune chose to trust the provider's word that it did one (AGENT_OIDC_MFA_FOURNISSEUR).
import { db, type Tx } from "@/lib/db";
import { journal } from "@/lib/journal";
import { openSession } from "@/lib/auth/sessions";
import { secondFacteurExige } from "@/lib/auth/second-facteur";
import type { Agent } from "@/lib/generated/prisma/client";

export type ConnexionSso = { ok: true; token: string; mfaEnAttente: boolean } | { ok: false };

export type IdentiteSso = {
  sub: string;
  /** the configured claim's name and value (AGENT_OIDC_CLAIM) */
  claim: string;
  valeur: unknown;
  /** the provider's `email_verified` is exactly true */
  courrielVerifie: boolean;
  /** the provider asserts a second factor AND the commune trusts that assertion */
  mfaAffirme: boolean;
  ip: string;
};

type Trouve = { agent: Agent; lie: boolean } | { agent: Agent | null; motif: string };

/** The account this identity opens: by its `sub`, else (first login) by the claim, linked on the way. */
async function agentDeLIdentite(tx: Tx, input: IdentiteSso): Promise<Trouve> {
  const dejaLie = await tx.agent.findUnique({ where: { ssoSub: input.sub } });
  if (dejaLie) return { agent: dejaLie, lie: false };
  const valeur = typeof input.valeur === "string" ? input.valeur.trim().toLowerCase() : "";
  if (!valeur) return { agent: null, motif: "inconnu" };
  if (input.claim === "email" && !input.courrielVerifie) return { agent: null, motif: "courriel_non_verifie" };
  const candidats =
    input.claim === "email"
      ? await tx.agent.findMany({ where: { courriel: { equals: valeur, mode: "insensitive" } }, take: 2 })
      : await tx.agent.findMany({ where: { identifiantNormalise: valeur }, take: 2 });
  // Two accounts sharing a courriel: the SSO cannot tell which one is meant.
  if (candidats.length !== 1) return { agent: null, motif: candidats.length > 1 ? "ambigu" : "inconnu" };
  const agent = candidats[0]!;
  // Linked once: an account already tied to another identity is not taken over by a matching claim.
  if (agent.ssoSub) return { agent, motif: "deja_lie" };
  if (!agent.active) return { agent, motif: "desactive" };
  // conditional: two first logins at once link one identity only
  const { count } = await tx.agent.updateMany({ where: { id: agent.id, ssoSub: null }, data: { ssoSub: input.sub } });
  return count === 1 ? { agent: { ...agent, ssoSub: input.sub }, lie: true } : { agent, motif: "deja_lie" };
}

export async function connexionAgentSso(input: IdentiteSso): Promise<ConnexionSso> {
  const { claim, ip } = input;
  return db().$transaction(async (tx) => {
    const trouve = await agentDeLIdentite(tx, input);
    if ("motif" in trouve || !trouve.agent.active) {
      await journal(tx, {
        event: "connexion.sso_refusee",
        actorKind: "AGENT",
        actorId: trouve.agent?.id,
        ip,
        details: { claim, motif: "motif" in trouve ? trouve.motif : "desactive" },
      });
      return { ok: false };
    }
    const { agent, lie } = trouve;
    if (lie)
      await journal(tx, { event: "connexion.sso_liee", actorKind: "AGENT", actorId: agent.id, ip, details: { claim } });
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
