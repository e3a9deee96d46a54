// The security review's findings (issue 12) on a family's space and its mails, on PostgreSQL: each describe is
// named after its finding, and each test fails without its fix. The review's other findings: the login in
// securite-connexion.test.ts, uploads and health data in securite-donnees.test.ts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { login } from "@/lib/auth/login";
import { creerEspace, IDENTIFIANT_PRIS } from "@/lib/domain/usager/creer";
import { activerEspace, lienActivation } from "@/lib/domain/usager/activer";
import { demanderReinitialisation, limiterDemandeReinitialisation } from "@/lib/domain/usager/mot-de-passe";
import { demanderChangementCourriel } from "@/lib/domain/usager/courriel";
import { lienDuDernierCourriel, nouvelEspace } from "./espace-fixtures";
import { espaceActive, ip, mailsA, MDP, preparerCommune, unique } from "./securite-fixtures";

preparerCommune();

describe("takeover of a space waiting for activation", () => {
  it("never overwrites a pending space: the same answer as a new space, and its holder is mailed", async () => {
    const victime = nouvelEspace({ identifiant: "victime", courriel: "victime@exemple.fr" });
    const { usagerId } = await creerEspace(victime, { ip: ip() });
    const lienVictime = await lienDuDernierCourriel("victime@exemple.fr", "activation");
    const avant = await db().usager.findUniqueOrThrow({ where: { id: usagerId! } });

    const attaque = await creerEspace(
      { ...nouvelEspace({ courriel: "Victime@Exemple.fr" }), identifiant: "attaquant", motDePasse: "Attaquant-2026!!" },
      { ip: ip() },
    );
    // the page learns nothing: a new space's answer has no more in it (the action redirects to the same page)
    expect(attaque).toEqual({ usagerId: null, identifiant: "attaquant" });
    const apres = await db().usager.findUniqueOrThrow({ where: { id: usagerId! } });
    expect(apres).toEqual(avant);
    expect(await db().usager.count({ where: { identifiantNormalise: "attaquant" } })).toBe(0);

    const [, tentative] = await mailsA("victime@exemple.fr");
    expect(tentative?.subject).toBe("Mairie de Villefranque - Tentative d'utilisation de votre courriel");
    expect(tentative!.text).toContain("Quelqu'un a tenté de créer un espace avec votre courriel");
    expect(tentative!.html).toContain("Quelqu&#x27;un a tenté de créer un espace avec votre courriel");
    // the link resent activates the victim's own space, and the first link still works too
    const lienRenvoye = await lienDuDernierCourriel("victime@exemple.fr", "activation");
    expect(lienRenvoye).not.toBe(lienVictime);
    expect(await lienActivation(lienRenvoye)).toEqual({ status: "valide" });
    expect(await activerEspace(lienVictime)).toEqual({ status: "active", identifiant: "victime" });
    expect(
      await login({ kind: "USAGER", identifiant: "victime", motDePasse: victime.motDePasse, ip: ip() }),
    ).toMatchObject({ ok: true });
    expect(
      await login({ kind: "USAGER", identifiant: "victime", motDePasse: "Attaquant-2026!!", ip: ip() }),
    ).toMatchObject({ ok: false, reason: "identifiants" });
  });

  it("opening the link activates nothing (mail scanners follow links): only the page's POST does", async () => {
    const espace = nouvelEspace();
    const { usagerId } = await creerEspace(espace, { ip: ip() });
    const token = await lienDuDernierCourriel(espace.contact.courriel, "activation");
    expect(await lienActivation(token)).toEqual({ status: "valide" });
    expect(await lienActivation(token)).toEqual({ status: "valide" });
    expect((await db().usager.findUniqueOrThrow({ where: { id: usagerId! } })).activatedAt).toBeNull();
    expect(await activerEspace(token)).toMatchObject({ status: "active" });
    expect(await lienActivation(token)).toMatchObject({ status: "utilise", dejaActive: true });
  });
});

describe("mail flooding", () => {
  it("« Mot de passe oublié »: 3 requests an hour per typed identifiant or courriel, then the time of the next try", async () => {
    const usager = await espaceActive("oubli");
    const maintenant = new Date("2026-11-27T09:00:00Z");
    for (let i = 0; i < 3; i++) expect(await limiterDemandeReinitialisation(usager.identifiant, maintenant)).toBeNull();
    const jusqua = await limiterDemandeReinitialisation(` ${usager.identifiant.toUpperCase()} `, maintenant);
    expect(jusqua).toEqual(new Date("2026-11-27T10:00:00Z"));
    // another key is not affected; the hour over, the key may ask again
    expect(await limiterDemandeReinitialisation(usager.courriel, maintenant)).toBeNull();
    expect(await limiterDemandeReinitialisation(usager.identifiant, new Date("2026-11-27T10:00:01Z"))).toBeNull();
  });

  it("« Mot de passe oublié »: 3 reset mails an hour per space, whether asked by identifiant or courriel", async () => {
    const usager = await espaceActive("reset");
    await Promise.all(
      [
        usager.identifiant,
        usager.courriel,
        usager.identifiant,
        usager.courriel,
        usager.identifiant,
        usager.courriel,
      ].map((cle) => demanderReinitialisation(cle, { ip: ip() })),
    );
    expect(await mailsA(usager.courriel, /mot de passe/i)).toHaveLength(3);
  });

  it("« Changer de courriel »: 3 confirmation mails an hour per space, then a French message with the time", async () => {
    const usager = await espaceActive("change");
    const maintenant = new Date();
    for (let i = 1; i <= 3; i++) {
      await demanderChangementCourriel({
        usager,
        motDePasse: MDP,
        nouveauCourriel: `cible${i}.${usager.id}@exemple.fr`,
        ip: ip(),
        now: maintenant,
      });
    }
    await expect(
      demanderChangementCourriel({
        usager,
        motDePasse: MDP,
        nouveauCourriel: `cible4.${usager.id}@exemple.fr`,
        ip: ip(),
        now: maintenant,
      }),
    ).rejects.toMatchObject({
      code: "trop_de_demandes",
      field: "courriel",
      message: expect.stringMatching(
        /^Trois demandes de changement ont déjà été faites dans l'heure\. Réessayez à partir de \d\d:\d\d\.$/,
      ),
    });
    expect(await db().outboxMail.count({ where: { to: `cible4.${usager.id}@exemple.fr` } })).toBe(0);
  });

  it("« Changer de courriel »: 3 confirmation mails an hour per target address, whoever asks", async () => {
    const cible = `cible-commune-${unique()}@exemple.fr`;
    for (let i = 0; i < 3; i++) {
      const usager = await espaceActive("cible");
      await demanderChangementCourriel({ usager, motDePasse: MDP, nouveauCourriel: cible, ip: ip() });
    }
    const quatrieme = await espaceActive("cible");
    await expect(
      demanderChangementCourriel({ usager: quatrieme, motDePasse: MDP, nouveauCourriel: cible, ip: ip() }),
    ).rejects.toMatchObject({ code: "trop_de_demandes" });
    expect(await mailsA(cible)).toHaveLength(3);
  });
});

describe("enumeration", () => {
  it("Créer mon espace with the courriel of an activated space answers like a new space and mails its holder", async () => {
    const titulaire = await espaceActive("enum");
    const identifiant = `autre${unique()}`;
    const nouveau = await creerEspace(
      { ...nouvelEspace({ courriel: titulaire.courriel.toUpperCase() }), identifiant },
      { ip: ip() },
    );
    // the identifiant typed, given back as to a new space
    expect(nouveau).toEqual({ usagerId: null, identifiant });
    const [dernier] = (await mailsA(titulaire.courriel)).reverse();
    expect(dernier?.text).toContain("Quelqu'un a tenté de créer un espace avec votre courriel");
    expect(dernier?.text).toContain("/connexion");
    expect(dernier?.text).not.toContain("/activation/");
  });

  it("the courriel change to a taken address answers like a success and informs that address's holder", async () => {
    const titulaire = await espaceActive("prise");
    const demandeur = await espaceActive("demandeur");
    await expect(
      demanderChangementCourriel({ usager: demandeur, motDePasse: MDP, nouveauCourriel: titulaire.courriel, ip: ip() }),
    ).resolves.toBeUndefined();
    expect(await db().usagerToken.count({ where: { usagerId: demandeur.id, purpose: "CHANGEMENT_COURRIEL" } })).toBe(0);
    const [dernier] = (await mailsA(titulaire.courriel)).reverse();
    expect(dernier?.text).toContain("Quelqu'un a demandé que votre courriel devienne celui d'un autre espace");
  });

  it("the identifiant stays checkable, but at most 10 taken ones an hour per address", async () => {
    const pris = await espaceActive("pseudo");
    const adresse = ip();
    for (let i = 0; i < 10; i++) {
      await expect(
        creerEspace({ ...nouvelEspace(), identifiant: pris.identifiant }, { ip: adresse }),
      ).rejects.toMatchObject({
        field: "identifiant",
        message: IDENTIFIANT_PRIS,
      });
    }
    await expect(
      creerEspace({ ...nouvelEspace(), identifiant: pris.identifiant }, { ip: adresse }),
    ).rejects.toMatchObject({
      field: "identifiant",
      message: expect.stringMatching(
        /^Trop d'identifiants déjà utilisés ont été essayés\. Réessayez à partir de \d\d:\d\d\.$/,
      ),
    });
  });

  it("the reset's answer does the same work whether a space matches or not: the space is looked up after it", async () => {
    const usager = await espaceActive("delai");
    const [avantMails, avantJetons] = [await db().outboxMail.count(), await db().usagerToken.count()];
    // what the action awaits before answering: nothing in it reads the space
    expect(await limiterDemandeReinitialisation(usager.identifiant)).toBeNull();
    expect(await limiterDemandeReinitialisation("personne.de.ce.nom")).toBeNull();
    expect([await db().outboxMail.count(), await db().usagerToken.count()]).toEqual([avantMails, avantJetons]);
    expect(
      await db().limiteEnvoi.count({ where: { cle: { startsWith: "reinitialisation:" } } }),
    ).toBeGreaterThanOrEqual(2);
  });
});
