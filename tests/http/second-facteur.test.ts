// The agents' second factor at login, over HTTP through the real forms: after the password, a half-open
// session that opens nothing but the code page; a wrong code then the good one; a time step accepted once;
// five wrong codes and the code page waits.
import { authenticator } from "otplib";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { pasTotp } from "@/lib/auth/totp";
import { activerTotp } from "@/lib/domain/agent/activer-totp";
import { preparerTotp } from "@/lib/domain/agent/preparer-totp";
import { anonyme, cookieDeSession, redirection, requete, soumettreFormulaire, type Client } from "./client";
import { MOT_DE_PASSE_AGENT, nouvelAgent } from "./fixtures";

const PAS_MS = 30_000;
const codeAuPas = (secret: string, pas: number) => authenticator.clone({ epoch: pas * PAS_MS }).generate(secret);
const MAUVAIS_CODE = "Code incorrect ou déjà utilisé";
const texte = (html: string) => html.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'");

/**
 * An administrator enrolled as /agent/securite enrols one (preparerTotp, then activerTotp with a code), the
 * code of the previous time step spent on the enrolment so that the current step is free for the login.
 */
async function administrateurAvecTotp() {
  const admin = await nouvelAgent("ADMIN");
  const secret = await preparerTotp({ agentId: admin.id });
  const session = await db().session.create({
    data: { tokenHash: hashToken(`enrolement-${admin.id}`), kind: "AGENT", agentId: admin.id, mfaEnAttente: true },
  });
  await activerTotp({
    agentId: admin.id,
    sessionId: session.id,
    code: codeAuPas(secret, pasTotp(new Date()) - 1),
    ip: "203.0.113.254",
  });
  return { admin, secret };
}

/** Password step: the client gets the half-open session's cookie, and is sent to the code page. */
async function motDePasse(client: Client, identifiant: string) {
  const reponse = await soumettreFormulaire(client, "/agent/connexion", {
    identifiant,
    motDePasse: MOT_DE_PASSE_AGENT,
  });
  expect(redirection(reponse)).toBe("/agent/connexion/code?suite=%2Fagent");
  const cookie = cookieDeSession(reponse)!;
  client.jeton = cookie.slice(cookie.indexOf("=") + 1, cookie.indexOf(";"));
}

const saisirCode = (client: Client, code: string) =>
  soumettreFormulaire(client, "/agent/connexion/code?suite=%2Fagent", { code });

describe("double authentification des agents", () => {
  it("un mauvais code puis le bon ; la session à moitié ouverte n'ouvre rien d'autre ; un code rejoué est refusé", async () => {
    const { admin, secret } = await administrateurAvecTotp();
    const client = anonyme();
    await motDePasse(client, admin.identifiant);
    const enAttente = client.jeton;
    expect(redirection(await requete(client, "/agent/agents"))).toBe("/agent/connexion/code");
    expect(redirection(await requete(client, "/agent"))).toBe("/agent/connexion/code");

    const mauvais = await saisirCode(client, "000000");
    expect(mauvais.status).toBe(200);
    expect(texte(await mauvais.text())).toMatch(new RegExp(`id="code-erreur"[^>]*>[^<]*${MAUVAIS_CODE}`));
    expect(cookieDeSession(mauvais)).toBeUndefined();

    const code = codeAuPas(secret, pasTotp(new Date()));
    const bon = await saisirCode(client, code);
    expect(redirection(bon)).toBe("/agent");
    const cookie = cookieDeSession(bon)!;
    client.jeton = cookie.slice(cookie.indexOf("=") + 1, cookie.indexOf(";"));
    expect(client.jeton).not.toBe(enAttente);
    const console = await requete(client, "/agent/agents");
    expect(console.status).toBe(200);
    // the half-open session is worth nothing now
    expect(redirection(await requete({ ...client, jeton: enAttente }, "/agent/connexion/code"))).toBe(
      "/agent/connexion",
    );

    // The same code (the same time step), at a second login: refused.
    const second = anonyme();
    await motDePasse(second, admin.identifiant);
    const rejoue = await saisirCode(second, code);
    expect(texte(await rejoue.text())).toContain(MAUVAIS_CODE);
    expect(cookieDeSession(rejoue)).toBeUndefined();
    expect(redirection(await requete(second, "/agent"))).toBe("/agent/connexion/code");
  });

  it("après cinq mauvais codes, la page attend, même le bon code", async () => {
    const { admin, secret } = await administrateurAvecTotp();
    const client = anonyme();
    await motDePasse(client, admin.identifiant);
    for (let essai = 1; essai <= 4; essai++) {
      expect(texte(await (await saisirCode(client, `00000${essai}`)).text()), `essai ${essai}`).toContain(MAUVAIS_CODE);
    }
    const bloque = /Trop de codes incorrects\. Par sécurité, réessayez à partir de \d{2}:\d{2}\./;
    expect(texte(await (await saisirCode(client, "000005")).text())).toMatch(bloque);
    const bon = await saisirCode(client, codeAuPas(secret, pasTotp(new Date())));
    expect(texte(await bon.text())).toMatch(bloque);
    expect(cookieDeSession(bon)).toBeUndefined();
    expect(redirection(await requete(client, "/agent"))).toBe("/agent/connexion/code");
  });
});
