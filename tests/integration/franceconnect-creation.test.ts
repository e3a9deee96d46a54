// Créer mon espace after FranceConnect (issue 26): the draft the real callback writes (the stand-in over HTTP,
// franceconnect-fixtures.ts), then VALIDER as the wizard's last step runs it (creerEspaceDuBrouillon): no
// identifiant (one generated from the name, never the same twice), no password, no anti-bot check — and only
// for a draft that FranceConnect's callback wrote, whatever a browser sends.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ALTCHA_MESSAGE } from "@/lib/auth/altcha";
import { lienDuDernierCourriel } from "./espace-fixtures";
import { ANGELA, HOMONYMES, parcours, preparerFournisseurs } from "./franceconnect-fixtures";

preparerFournisseurs();

const IP = "192.0.2.7";
const ADRESSE = { codePostal: "64990", ville: "Villefranque", pays: "France" };

/** The draft FranceConnect's callback leaves, then the CGU, Adresse and Contact steps as the wizard saves them. */
async function brouillonFranceConnect(sub: string, courriel?: string) {
  const { findBrouillon, saveBrouillon } = await import("@/lib/domain/usager/brouillon");
  const { location, bocal } = await parcours("franceconnect", sub);
  expect(location.pathname).toBe("/connexion/franceconnect");
  const token = bocal.get("pf_brouillon");
  const brouillon = (await findBrouillon(token))!;
  const donne = brouillon.data.contact?.courriel;
  await saveBrouillon(
    brouillon.id,
    {
      cgu: { version: 1, accepteeLe: new Date().toISOString() },
      adresse: ADRESSE,
      contact: { courriel: courriel ?? donne ?? "" },
    },
    { step: 5, reached: 5 },
  );
  return { brouillon: (await findBrouillon(token))!, courrielDonne: donne };
}

const creer = async (
  ...args: Parameters<typeof import("@/lib/domain/usager/creer-du-brouillon").creerEspaceDuBrouillon>
) => (await import("@/lib/domain/usager/creer-du-brouillon")).creerEspaceDuBrouillon(...args);

describe("Créer mon espace after FranceConnect", () => {
  it("takes the courriel FranceConnect gave, prefilled; the one the parent typed instead gets the activation mail", async () => {
    const { brouillon, courrielDonne } = await brouillonFranceConnect(ANGELA.sub, "angela.nouvelle@exemple.fr");
    expect(courrielDonne).toBe(ANGELA.claims.email);

    // no identifiant, no password, no anti-bot payload: the Clé enfance is all the last step sends
    const resultat = await creer(brouillon, { cleEnfance: "" }, { ip: IP });
    expect(resultat).toMatchObject({ issue: "cree", espace: { identifiant: "angela.dubois" } });
    const usager = await db().usager.findUniqueOrThrow({ where: { franceconnectSub: ANGELA.sub } });
    expect(usager).toMatchObject({
      identifiant: "angela.dubois",
      identifiantNormalise: "angela.dubois",
      courriel: "angela.nouvelle@exemple.fr",
      passwordHash: null,
      activatedAt: null,
    });
    expect(await db().outboxMail.count({ where: { to: ANGELA.claims.email } })).toBe(0);
    const { activerEspace } = await import("@/lib/domain/usager/activer");
    const lien = await lienDuDernierCourriel("angela.nouvelle@exemple.fr", "activation");
    expect(await activerEspace(lien)).toEqual({ status: "active", identifiant: "angela.dubois" });
    expect((await parcours("franceconnect", ANGELA.sub)).location.pathname).toBe("/mon-espace");
  });

  it("two FranceConnect spaces of the same name never collide on identifiant, even created at once", async () => {
    const [bis, ter] = await Promise.all(HOMONYMES.map((identite) => brouillonFranceConnect(identite.sub)));
    const resultats = await Promise.all([bis, ter].map((b) => creer(b!.brouillon, {}, { ip: IP })));
    const identifiants = resultats.map((r) => (r.issue === "cree" ? r.espace.identifiant : r.issue));
    // angela.dubois is the first test's; these two take the next free ones, one each
    expect(identifiants.toSorted()).toEqual(["angela.dubois2", "angela.dubois3"]);
    const usagers = await db().usager.findMany({
      where: { franceconnectSub: { in: HOMONYMES.map((h) => h.sub) } },
      select: { identifiantNormalise: true, courriel: true },
    });
    expect(usagers.map((u) => u.identifiantNormalise).toSorted()).toEqual(["angela.dubois2", "angela.dubois3"]);
  });
});

describe("the anti-bot check is skipped for a FranceConnect draft only", () => {
  it("a draft begun without FranceConnect is refused without the check, whatever the browser claims", async () => {
    const { createBrouillon, saveBrouillon, findBrouillon } = await import("@/lib/domain/usager/brouillon");
    const { champsDuBrouillon } = await import("@/lib/domain/usager/schemas");
    const cree = (await createBrouillon(IP))!;
    const saisie = {
      identifiant: "sans.robot",
      motDePasse: "Villefranque-64990!",
      confirmation: "Villefranque-64990!",
      franceconnect: "1",
      franceconnectSub: ANGELA.sub,
    };
    // what the wizard keeps of the last step: its schema's fields, never a FranceConnect claim
    expect(champsDuBrouillon("authentification", saisie)).toEqual({ identifiant: "sans.robot" });
    await saveBrouillon(
      cree.brouillon.id,
      {
        cgu: { version: 1, accepteeLe: new Date().toISOString() },
        identite: { civilite: "MADAME", nomUsage: "Robot", prenoms: "Rosalie" },
        adresse: ADRESSE,
        contact: { courriel: "sans.robot@exemple.fr" },
        authentification: champsDuBrouillon("authentification", saisie),
      },
      { step: 5, reached: 5 },
    );
    const brouillon = (await findBrouillon(cree.token))!;

    expect(await creer(brouillon, saisie, { ip: IP })).toEqual({
      issue: "erreurs",
      errors: { altcha: ALTCHA_MESSAGE },
    });
    expect(await creer(brouillon, { ...saisie, altcha: "n'importe quoi" }, { ip: IP })).toEqual({
      issue: "erreurs",
      errors: { altcha: ALTCHA_MESSAGE },
    });
    // what a FranceConnect draft's last step sends: no identifiant nor password, refused before any check
    const commeFranceConnect = await creer(brouillon, { cleEnfance: "", franceconnect: "1" }, { ip: IP });
    expect(commeFranceConnect.issue).toBe("erreurs");
    expect(commeFranceConnect.issue === "erreurs" && Object.keys(commeFranceConnect.errors)).toEqual(
      expect.arrayContaining(["identifiant", "motDePasse"]),
    );
    expect(await db().usager.count({ where: { courrielNormalise: "sans.robot@exemple.fr" } })).toBe(0);
  });
});
