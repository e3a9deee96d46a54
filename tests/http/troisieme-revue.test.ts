// The third security review (issue 30) against the built app: each describe is named after its finding.
import { describe, expect, it } from "vitest";
import { anonyme, connecte, requete, soumettreFormulaire } from "./client";
import { familleComplete } from "./fixtures";

const MO = 1024 * 1024;

/** A form's body of about `octets`, in one text field. */
function corpsDe(octets: number, champ = "identifiant"): FormData {
  const corps = new FormData();
  corps.append(champ, "x".repeat(octets));
  corps.append("motDePasse", "Mauvais-Mot-1!");
  return corps;
}

describe("every server action accepts 25 MB, public ones included", () => {
  it("the login refuses a 2 MB post from its length, before reading it", async () => {
    const debut = Date.now();
    const reponse = await requete(anonyme(), "/connexion", {
      method: "POST",
      body: corpsDe(2 * MO),
      headers: { "next-action": "0".repeat(42), accept: "text/x-component" },
    });
    expect(reponse.status).toBe(413);
    expect(await reponse.text()).toMatch(/^Le formulaire envoyé est trop lourd/);
    expect(Date.now() - debut).toBeLessThan(2_000);
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
