import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cheminJournalisable, creerJournal } from "@/lib/log";

function journalEnMemoire() {
  const lignes: string[] = [];
  const journal = creerJournal({ write: (ligne: string) => void lignes.push(ligne) }, "debug");
  return { journal, lignes: () => lignes.map((ligne) => JSON.parse(ligne) as Record<string, unknown>) };
}

describe("the server log", () => {
  it("writes one JSON line per event, with its level as a word and the ids it is given", () => {
    const { journal, lignes } = journalEnMemoire();
    journal.info({ requestId: "r-1", usagerId: "cm0abc" }, "connexion");
    expect(lignes()).toEqual([
      expect.objectContaining({ level: "info", msg: "connexion", requestId: "r-1", usagerId: "cm0abc" }),
    ]);
  });

  it("never writes a token, a cookie, a password or an api key, at any of the first three levels", () => {
    const { journal, lignes } = journalEnMemoire();
    const secrets = Array.from({ length: 8 }, () => randomBytes(16).toString("hex"));
    const [cookie, auth, setCookie, apiKey, token, motDePasse, jeton, code] = secrets;
    journal.warn(
      {
        requestId: "r-2",
        token,
        headers: { cookie, authorization: auth, "set-cookie": setCookie, "x-uploadthing-api-key": apiKey },
        req: { body: { motDePasse, jeton }, totp: { code } },
      },
      "requête refusée",
    );
    const ecrit = JSON.stringify(lignes());
    for (const secret of secrets) expect(ecrit).not.toContain(secret);
    expect(lignes()[0]).toMatchObject({ requestId: "r-2", token: "[masqué]", headers: { cookie: "[masqué]" } });
  });

  it("logs a request's path without its query string, and without the token of an email link", () => {
    const jeton = randomBytes(32).toString("base64url");
    expect(cheminJournalisable(`/activation/${jeton}?utm=mail`)).toBe("/activation/:jeton");
    expect(cheminJournalisable(`/demandes/suivi/${jeton}`)).toBe("/demandes/suivi/:jeton");
    expect(cheminJournalisable("/connexion?suite=/mon-espace&identifiant=parent.demo")).toBe("/connexion");
    // Ids (UUID, cuid) and numbers stay: they are what the line is for.
    expect(cheminJournalisable("/famille/enfants/66e26a78-2b86-43ff-b4cd-d65531bb9181/sante")).toBe(
      "/famille/enfants/66e26a78-2b86-43ff-b4cd-d65531bb9181/sante",
    );
    expect(cheminJournalisable("/agent/familles/cmabcdefghijklmnopqrstuvw#x")).toBe(
      "/agent/familles/cmabcdefghijklmnopqrstuvw",
    );
  });
});
