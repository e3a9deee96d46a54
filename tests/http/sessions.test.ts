// Sessions, driven through requests: 30 minutes idle, 12 hours at most (the row aged in the database rather
// than waited for), revoked at a password reset; a disabled agent's open session refused at once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { SESSION_IDLE_MS, SESSION_MAX_MS } from "@/lib/auth/sessions";
import { actionDuBuild } from "./build";
import {
  alertes,
  altchaResolu,
  anonyme,
  appelerAction,
  connecte,
  cookieDeSession,
  redirection,
  requete,
  soumettreFormulaire,
  serveur,
  type Client,
} from "./client";
import { espaceActive, jetonDeCourriel, nouvelAgent } from "./fixtures";

const MINUTE = 60_000;

/** Sets the session's dates as if it had been opened `ouverte` ms ago and last used `vue` ms ago. */
async function vieillir(client: Client, { ouverte, vue }: { ouverte: number; vue: number }) {
  const maintenant = Date.now();
  await db().session.update({
    where: { tokenHash: hashToken(client.jeton!) },
    data: { createdAt: new Date(maintenant - ouverte), lastSeenAt: new Date(maintenant - vue) },
  });
}

describe("expiration des sessions", () => {
  it("30 minutes sans rien faire ferment la session ; chaque passage la prolonge", async () => {
    const espace = await espaceActive();
    const client = await connecte({ kind: "USAGER", usagerId: espace.usagerId });
    await vieillir(client, { ouverte: SESSION_IDLE_MS - MINUTE, vue: SESSION_IDLE_MS - MINUTE });
    expect((await requete(client, "/mon-espace")).status).toBe(200);
    // that visit counted: the session was seen just now
    const vue = await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(client.jeton!) } });
    expect(Date.now() - vue.lastSeenAt.getTime()).toBeLessThan(MINUTE);

    await vieillir(client, { ouverte: SESSION_IDLE_MS + MINUTE, vue: SESSION_IDLE_MS + MINUTE });
    expect(redirection(await requete(client, "/mon-espace"))).toBe("/connexion?suite=%2Fmon-espace&expiree=1");
  });

  it("un formulaire envoyé après l'expiration ramène, après la connexion, à la page d'où il est parti", async () => {
    const espace = await espaceActive();
    const client = await connecte({ kind: "USAGER", usagerId: espace.usagerId });
    await vieillir(client, { ouverte: SESSION_IDLE_MS + MINUTE, vue: SESSION_IDLE_MS + MINUTE });
    const action = actionDuBuild("app/(portail)/demandes/[numero]/actions.ts", "envoyerMessageAction");
    const envoyer = (referer: string) => {
      const formulaire = new FormData();
      formulaire.append("numero", "12");
      formulaire.append("message", "Bonjour");
      return appelerAction(client, { id: action.id, page: "/demandes/12" }, [{ values: {}, errors: {} }, formulaire], {
        referer,
      });
    };
    expect(redirection(await envoyer(new URL("/demandes/12?onglet=echanges", serveur.baseUrl).toString()))).toBe(
      "/connexion?suite=%2Fdemandes%2F12%3Fonglet%3Dechanges&expiree=1",
    );
    // another site's page is never a suite
    expect(redirection(await envoyer("https://ailleurs.example/demandes/12"))).toBe("/connexion?expiree=1");
    // without a session cookie at all (a first visit), no « expirée »
    const formulaire = new FormData();
    expect(
      redirection(
        await appelerAction(
          anonyme(),
          { id: action.id, page: "/demandes/12" },
          [{ values: {}, errors: {} }, formulaire],
          {
            referer: new URL("/demandes/12", serveur.baseUrl).toString(),
          },
        ),
      ),
    ).toBe("/connexion?suite=%2Fdemandes%2F12");
  });

  it("« Rester connecté » (POST /api/session) remet l'horloge d'inactivité à zéro, pour une session vivante de ce site", async () => {
    const espace = await espaceActive();
    const client = await connecte({ kind: "USAGER", usagerId: espace.usagerId });
    await vieillir(client, { ouverte: SESSION_IDLE_MS - MINUTE, vue: SESSION_IDLE_MS - MINUTE });
    const ailleurs = await requete(client, "/api/session", {
      method: "POST",
      headers: { origin: "https://ailleurs.example" },
    });
    expect(ailleurs.status).toBe(403);
    expect((await requete(client, "/api/session", { method: "POST" })).status).toBe(204);
    const vue = await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(client.jeton!) } });
    expect(Date.now() - vue.lastSeenAt.getTime()).toBeLessThan(MINUTE);
    // nobody, or a session already gone: 401, the page sends to the login page
    expect((await requete(anonyme(), "/api/session", { method: "POST" })).status).toBe(401);
    await vieillir(client, { ouverte: SESSION_IDLE_MS + MINUTE, vue: SESSION_IDLE_MS + MINUTE });
    expect((await requete(client, "/api/session", { method: "POST" })).status).toBe(401);
  });

  it("12 heures après son ouverture, la session est close même utilisée sans cesse", async () => {
    const espace = await espaceActive();
    const client = await connecte({ kind: "USAGER", usagerId: espace.usagerId });
    await vieillir(client, { ouverte: SESSION_MAX_MS - MINUTE, vue: MINUTE });
    expect((await requete(client, "/mon-espace")).status).toBe(200);
    await vieillir(client, { ouverte: SESSION_MAX_MS + MINUTE, vue: 0 });
    expect(redirection(await requete(client, "/mon-espace"))).toBe("/connexion?suite=%2Fmon-espace&expiree=1");
  });

  it("les sessions d'un agent expirent de même", async () => {
    const agentRow = await nouvelAgent("AGENT");
    const agent = await connecte({ kind: "AGENT", agentId: agentRow.id });
    expect((await requete(agent, "/agent")).status).toBe(200);
    await vieillir(agent, { ouverte: SESSION_IDLE_MS + MINUTE, vue: SESSION_IDLE_MS + MINUTE });
    expect(redirection(await requete(agent, "/agent"))).toBe("/agent/connexion");
  });
});

describe("révocation", () => {
  it("mot de passe oublié : le nouveau mot de passe ferme les autres sessions, l'ancien ne sert plus, le lien non plus", async () => {
    const espace = await espaceActive();
    const ancienne = await connecte({ kind: "USAGER", usagerId: espace.usagerId });
    expect((await requete(ancienne, "/mon-espace")).status).toBe(200);

    const client = anonyme();
    const demande = await soumettreFormulaire(client, "/mot-de-passe-oublie", {
      identifiantOuCourriel: espace.courriel,
      altcha: await altchaResolu(client),
    });
    expect((await demande.text()).replaceAll("<!-- -->", "")).toContain(
      "Si un espace activé correspond, un courriel vient de vous être envoyé",
    );
    // the mail is written once the answer has left (next/server's after(): the same time whether or not the
    // space exists), so the test waits for it
    const jeton = await jetonDeCourriel(espace.courriel, /\/mot-de-passe-oublie\/([A-Za-z0-9_-]+)/);
    const lien = `/mot-de-passe-oublie/${jeton}`;
    expect((await requete(client, lien)).status).toBe(200);
    // The new password, as the page's script sends it (the link's token in a hidden field of the form).
    const choisirMotDePasse = actionDuBuild("app/(auth)/mot-de-passe-oublie/actions.ts", "choisirMotDePasse");
    const choisir = (motDePasse: string) => {
      const formulaire = new FormData();
      formulaire.append("motDePasse", motDePasse);
      formulaire.append("confirmation", motDePasse);
      formulaire.append("token", jeton);
      return appelerAction(client, { id: choisirMotDePasse.id, page: lien }, [{ values: {}, errors: {} }, formulaire]);
    };
    expect(await (await choisir("court")).text()).toContain("Le mot de passe doit contenir au minimum 8 caractère(s)");
    expect(redirection(await choisir("Nouveau-Mot-2026!"))).toBe("/connexion?reinitialise=1");

    expect(redirection(await requete(ancienne, "/mon-espace"))).toBe("/connexion?suite=%2Fmon-espace&expiree=1");
    const avecAncien = await soumettreFormulaire(anonyme(), "/connexion", {
      identifiant: espace.identifiant,
      motDePasse: espace.motDePasse,
    });
    expect(alertes(await avecAncien.text())).toEqual(["Identifiant ou mot de passe incorrect."]);
    const avecNouveau = await soumettreFormulaire(anonyme(), "/connexion", {
      identifiant: espace.identifiant,
      motDePasse: "Nouveau-Mot-2026!",
    });
    expect(redirection(avecNouveau)).toBe("/mon-espace");
    expect(cookieDeSession(avecNouveau)).toBeDefined();
    expect(await (await requete(anonyme(), lien)).text()).toContain("Ce lien a déjà été utilisé.");
  });

  it("un agent désactivé perd sa session ouverte", async () => {
    const adminRow = await nouvelAgent("ADMIN");
    const agentRow = await nouvelAgent("AGENT");
    const admin = await connecte({ kind: "AGENT", agentId: adminRow.id });
    const agent = await connecte({ kind: "AGENT", agentId: agentRow.id });
    expect((await requete(agent, "/agent")).status).toBe(200);

    const changerEtat = actionDuBuild("app/(agent)/agent/agents/[id]/actions.ts", "changerEtat");
    const formulaire = new FormData();
    formulaire.append("agentId", agentRow.id);
    formulaire.append("actif", "non");
    const reponse = await appelerAction(admin, { id: changerEtat.id, page: `/agent/agents/${agentRow.id}` }, [
      { values: {}, errors: {} },
      formulaire,
    ]);
    expect(reponse.status).toBe(200);
    expect(await reponse.text()).toContain("Le compte a été désactivé et ses sessions fermées.");

    expect(redirection(await requete(agent, "/agent"))).toBe("/agent/connexion");
    // nor can it log in again
    const retour = await soumettreFormulaire(anonyme(), "/agent/connexion", {
      identifiant: agentRow.identifiant,
      motDePasse: "Console-Agent-2026!",
    });
    expect(alertes(await retour.text())).toEqual(["Identifiant ou mot de passe incorrect."]);
  });
});
