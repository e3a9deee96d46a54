// The third security review (issue 30) against the built app: each describe is named after its finding.
import http from "node:http";
import { describe, expect, it } from "vitest";
import { anonyme, connecte, nouvelleIp, requete, serveur, soumettreFormulaire } from "./client";
import { familleComplete } from "./fixtures";

const MO = 1024 * 1024;

/** A server action's POST whose headers announce `octets` and whose body never comes: the server's answer. */
function annonceSansCorps(
  chemin: string,
  octets: number,
): Promise<{ status?: number; texte: string; nosniff?: string | string[] }> {
  return new Promise((resolve, reject) => {
    const envoi = http.request(
      new URL(chemin, serveur.baseUrl),
      {
        method: "POST",
        headers: {
          "content-length": String(octets),
          "content-type": "multipart/form-data; boundary=----sans-corps",
          "next-action": "0".repeat(42),
          accept: "text/x-component",
          origin: serveur.baseUrl,
          "x-forwarded-for": nouvelleIp(),
        },
      },
      (reponse) => {
        let texte = "";
        reponse.setEncoding("utf8");
        reponse.on("data", (morceau: string) => (texte += morceau));
        reponse.on("end", () => {
          resolve({ status: reponse.statusCode, texte, nosniff: reponse.headers["x-content-type-options"] });
          envoi.destroy();
        });
      },
    );
    envoi.on("error", reject);
    envoi.flushHeaders();
  });
}

/** A form's body of about `octets`, in one text field. */
function corpsDe(octets: number, champ = "identifiant"): FormData {
  const corps = new FormData();
  corps.append(champ, "x".repeat(octets));
  corps.append("motDePasse", "Mauvais-Mot-1!");
  return corps;
}

describe("every server action accepts 25 MB, public ones included", () => {
  it("the login refuses a 2 MB post from its length, before reading it", async () => {
    const reponse = await requete(anonyme(), "/connexion", {
      method: "POST",
      body: corpsDe(2 * MO),
      headers: { "next-action": "0".repeat(42), accept: "text/x-component" },
    });
    expect(reponse.status).toBe(413);
    expect(await reponse.text()).toMatch(/^Le formulaire envoyé est trop lourd/);
    // Announced and never sent: the answer can only come from the length (a server that read the body first
    // would wait for it, and the test would fail on its timeout).
    expect(await annonceSansCorps("/connexion", 2 * MO)).toEqual({
      status: 413,
      texte: expect.stringMatching(/^Le formulaire envoyé est trop lourd/),
      nosniff: "nosniff",
    });
  });

  it("a month of reservations refuses 2 MB too, even for its family", async () => {
    const famille = await familleComplete("Haramboure");
    const client = await connecte({ kind: "USAGER", usagerId: famille.usager.id });
    const reponse = await requete(client, `/famille/enfants/${famille.enfantId}/reservations`, {
      method: "POST",
      body: corpsDe(2 * MO, "changements"),
      headers: { "next-action": "0".repeat(42), accept: "text/x-component" },
    });
    expect(reponse.status).toBe(413);
  });

  it("Échanges still takes a 12 MB scan for its French message, from a family only", async () => {
    const famille = await familleComplete("Larre");
    const page = `/demandes/${famille.numero}`;
    const sansSession = await requete(anonyme(), page, { method: "POST", body: corpsDe(2 * MO, "texte") });
    expect(sansSession.status).toBe(413);
    const client = await connecte({ kind: "USAGER", usagerId: famille.usager.id });
    const avecSession = await requete(client, page, { method: "POST", body: corpsDe(12 * MO, "texte") });
    expect(avecSession.status).not.toBe(413);
  });

  it("the login gives the identifiant back cut to its 254 characters, not the 100,000 typed", async () => {
    const reponse = await soumettreFormulaire(anonyme(), "/connexion", {
      identifiant: "y".repeat(100_000),
      motDePasse: "Mauvais-Mot-1!",
    });
    expect(reponse.status).toBe(200);
    const html = await reponse.text();
    expect(html).toContain(`value="${"y".repeat(254)}"`);
    expect(html).not.toContain("y".repeat(255));
  });
});
