// Mes informations and Modifier mon espace: the courriel change (password again, throttled; a 24 h link
// stored hashed, confirmed by its own space only; the old address told), the address change as a demande,
// the password change, and the deletion of the space.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { hashToken, HOUR } from "@/lib/auth/tokens";
import { openSession } from "@/lib/auth/sessions";
import { LOGIN_LIMITS } from "@/lib/auth/throttle";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { mesDemandes } from "@/lib/domain/demande/queries";
import { demanderReinitialisation } from "@/lib/domain/usager/mot-de-passe";
import {
  COURRIEL_DEJA_UTILISE,
  confirmerChangementCourriel,
  demanderChangementCourriel,
  lienChangementCourriel,
} from "@/lib/domain/usager/courriel";
import { changerMotDePasse, modifierAdresseEspace, modifierTelephones } from "@/lib/domain/usager/modifier";
import { AVEC_FAMILLE, demanderSuppressionEspace, supprimerEspace } from "@/lib/domain/usager/supprimer";
import { demanderChangementAdresse } from "@/lib/domain/famille/changement-adresse";
import { adresseSchema } from "@/lib/domain/famille/schemas";
import { telephonesSchema } from "@/lib/domain/usager/schemas";
import { seedCommune } from "@/prisma/seed";
import { agent, declarerFamille, usagerActive } from "./demande-fixtures";

const MDP = "Villefranque-64990!";
let ip = 0;
const nouvelleIp = () => `198.51.100.${++ip}`;

beforeAll(() => seedCommune());

/** An activated space whose password is MDP and whose courriel is unique. */
async function espace(nom = "Etchart") {
  const usager = await usagerActive(nom);
  const courriel = `${usager.identifiant}@exemple.fr`;
  return db().usager.update({
    where: { id: usager.id },
    data: {
      passwordHash: await hashPassword(MDP),
      courriel,
      courrielNormalise: courriel.toLowerCase(),
      identifiantNormalise: usager.identifiant.toLowerCase(),
    },
  });
}

async function tokenDuCourriel(to: string): Promise<string> {
  const mail = await db().outboxMail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const token = mail.text.match(/\/mes-informations\/courriel\/confirmer\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`Aucun lien de confirmation dans « ${mail.subject} »`);
  return token;
}

async function familleDe(usager: Awaited<ReturnType<typeof espace>>) {
  const demandeId = await declarerFamille(usager);
  await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
  await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId, decision: "accepter" });
  return db().famille.findFirstOrThrow({
    where: { representants: { some: { usagerId: usager.id } } },
    include: { representants: { include: { adresse: true } } },
  });
}

describe("Changement de courriels", () => {
  it("refuses a wrong password beside the field, and throttles the tries like the login", async () => {
    const usager = await espace();
    const adresseIp = nouvelleIp();
    const essai = (motDePasse: string) =>
      demanderChangementCourriel({
        usager,
        motDePasse,
        nouveauCourriel: `n-${usager.identifiant}@exemple.fr`,
        ip: adresseIp,
      });
    for (let i = 0; i < LOGIN_LIMITS.perIdentifiant - 1; i++) {
      await expect(essai("Mauvais-mot-2026!")).rejects.toMatchObject({
        field: "motDePasseActuel",
        message: "Ce mot de passe n'est pas celui de votre espace.",
      });
    }
    await expect(essai("Mauvais-mot-2026!")).rejects.toThrow(
      /^Trop d'essais de mot de passe : réessayez à partir de \d\d:\d\d\.$/,
    );
    // even the right password waits now, and no link was sent
    await expect(essai(MDP)).rejects.toThrow(/^Trop d'essais/);
    expect(await db().usagerToken.count({ where: { usagerId: usager.id, purpose: "CHANGEMENT_COURRIEL" } })).toBe(0);
    expect(
      await db().journalEntry.count({ where: { event: "mot_de_passe.confirmation_refusee", actorId: usager.id } }),
    ).toBe(LOGIN_LIMITS.perIdentifiant);
  });

  it("answers for an address another space already uses as for any other, and sends it no link", async () => {
    const [usager, autre] = await Promise.all([espace(), espace("Bidart")]);
    await expect(
      demanderChangementCourriel({
        usager,
        motDePasse: MDP,
        nouveauCourriel: autre.courriel.toUpperCase(),
        ip: nouvelleIp(),
      }),
    ).resolves.toBeUndefined();
    expect(await db().usagerToken.count({ where: { usagerId: usager.id, purpose: "CHANGEMENT_COURRIEL" } })).toBe(0);
  });

  it("mails a 24 h link stored hashed to the new address; only its own space sees or confirms it; the old address is told", async () => {
    const [usager, autre] = await Promise.all([espace(), espace("Bidart")]);
    const nouveau = `Nouveau.${usager.identifiant}@Exemple.fr`;
    await demanderChangementCourriel({ usager, motDePasse: MDP, nouveauCourriel: nouveau, ip: nouvelleIp() });
    const token = await tokenDuCourriel(nouveau);
    const [stored] = await db().usagerToken.findMany({
      where: { usagerId: usager.id, purpose: "CHANGEMENT_COURRIEL" },
    });
    expect(stored!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBeGreaterThan(24 * HOUR - 5_000);
    // nothing changes before the confirmation
    expect((await db().usager.findUniqueOrThrow({ where: { id: usager.id } })).courriel).toBe(usager.courriel);

    // another space: neither sees nor confirms
    expect(await lienChangementCourriel(autre.id, token)).toBeNull();
    await expect(confirmerChangementCourriel({ usagerId: autre.id, token, ip: nouvelleIp() })).rejects.toMatchObject({
      code: "introuvable",
    });
    expect(await lienChangementCourriel(usager.id, token)).toEqual({ status: "valide", courriel: nouveau });

    await confirmerChangementCourriel({ usagerId: usager.id, token, ip: nouvelleIp() });
    const apres = await db().usager.findUniqueOrThrow({ where: { id: usager.id } });
    expect(apres).toMatchObject({ courriel: nouveau, courrielNormalise: nouveau.toLowerCase() });
    const avis = await db().outboxMail.findFirstOrThrow({
      where: { to: usager.courriel, subject: { contains: "L'adresse de courriel de votre espace a changé" } },
    });
    expect(avis.text).toContain("N•••••@Exemple.fr");
    expect(avis.text).not.toContain(nouveau);
    // single use
    await expect(confirmerChangementCourriel({ usagerId: usager.id, token, ip: nouvelleIp() })).rejects.toMatchObject({
      code: "lien_perime",
    });
    expect(await lienChangementCourriel(usager.id, token)).toEqual({ status: "utilise", courriel: nouveau });
    // the space's mails now go to the new address (here the password reset, found by it)
    await demanderReinitialisation(nouveau, { ip: nouvelleIp() });
    expect(await db().outboxMail.count({ where: { to: nouveau, subject: { contains: "Réinitialisation" } } })).toBe(1);
  });

  it("lets the link expire after 24 hours", async () => {
    const usager = await espace();
    const nouveau = `tard.${usager.identifiant}@exemple.fr`;
    const demandeLe = new Date();
    await demanderChangementCourriel({
      usager,
      motDePasse: MDP,
      nouveauCourriel: nouveau,
      ip: nouvelleIp(),
      now: demandeLe,
    });
    const token = await tokenDuCourriel(nouveau);
    const apres24h = new Date(demandeLe.getTime() + 24 * HOUR + 1000);
    expect(await lienChangementCourriel(usager.id, token, apres24h)).toEqual({ status: "expire", courriel: nouveau });
    await expect(
      confirmerChangementCourriel({ usagerId: usager.id, token, ip: nouvelleIp(), now: apres24h }),
    ).rejects.toMatchObject({ code: "lien_perime" });
    expect((await db().usager.findUniqueOrThrow({ where: { id: usager.id } })).courriel).toBe(usager.courriel);
  });

  it("checks the address again at the confirmation: taken meanwhile, it is refused", async () => {
    const usager = await espace();
    const nouveau = `dispute.${usager.identifiant}@exemple.fr`;
    await demanderChangementCourriel({ usager, motDePasse: MDP, nouveauCourriel: nouveau, ip: nouvelleIp() });
    const token = await tokenDuCourriel(nouveau);
    const autre = await espace("Bidart");
    await db().usager.update({ where: { id: autre.id }, data: { courriel: nouveau, courrielNormalise: nouveau } });
    await expect(confirmerChangementCourriel({ usagerId: usager.id, token, ip: nouvelleIp() })).rejects.toThrow(
      COURRIEL_DEJA_UTILISE,
    );
    expect((await db().usager.findUniqueOrThrow({ where: { id: usager.id } })).courriel).toBe(usager.courriel);
  });
});

describe("Changement de téléphones and the space's own address", () => {
  it("edits the telephones at once, keeping the number of the preferred means of contact", async () => {
    const usager = await db().usager.update({
      where: { id: (await espace()).id },
      data: { moyenContactPrefere: "MOBILE" },
    });
    await modifierTelephones({
      usagerId: usager.id,
      telephones: telephonesSchema.parse({ telephone: "05 59 44 00 00", mobile: "06.11.22.33.44" }),
    });
    expect(await db().usager.findUniqueOrThrow({ where: { id: usager.id } })).toMatchObject({
      telephone: "0559440000",
      mobile: "0611223344",
    });
    await expect(
      modifierTelephones({
        usagerId: usager.id,
        telephones: telephonesSchema.parse({ telephone: "0559440000", mobile: "" }),
      }),
    ).rejects.toMatchObject({ field: "mobile" });
  });

  it("edits the address of a space without a family directly, and refuses it for one with a family", async () => {
    const usager = await espace();
    const adresse = adresseSchema.parse({
      adresseNumero: "3",
      adresseVoie: "Place de la Mairie",
      adresseBatiment: "B",
      codePostal: "64990",
      ville: "Villefranque",
      pays: "France",
    });
    await modifierAdresseEspace({ usagerId: usager.id, adresse });
    expect(await db().usager.findUniqueOrThrow({ where: { id: usager.id } })).toMatchObject({
      adresseVoie: "Place de la Mairie",
      adresseComplement: "Bât. B",
    });
    await familleDe(usager);
    await expect(modifierAdresseEspace({ usagerId: usager.id, adresse })).rejects.toMatchObject({ code: "famille" });
  });
});

describe("Changement d'adresses of a family", () => {
  it("is a demande the parent sees pending; its acceptance moves the family's address", async () => {
    const usager = await espace();
    const famille = await familleDe(usager);
    const ancienne = famille.representants.find((r) => r.usagerId === usager.id)!.adresse;
    const adresse = adresseSchema.parse({
      adresseNumero: "12",
      adresseVoie: "Chemin d'Arbonne",
      codePostal: "64200",
      ville: "Biarritz",
      pays: "France",
      codeInsee: "64122",
    });
    const { numero } = await demanderChangementAdresse({ usagerId: usager.id, adresse });

    const enCours = (await mesDemandes(usager.id)).find((d) => d.numero === numero);
    expect(enCours).toMatchObject({ type: "CHANGEMENT_ADRESSE", statut: "DEPOSEE" });
    expect((await db().adresse.findUniqueOrThrow({ where: { id: ancienne.id } })).ville).toBe(ancienne.ville);
    await expect(demanderChangementAdresse({ usagerId: usager.id, adresse })).rejects.toThrow(
      `Votre demande de changement d'adresse N° ${numero} est déjà en cours d'instruction.`,
    );

    const demande = await db().demande.findUniqueOrThrow({ where: { numero } });
    expect(demande.familleId).toBe(famille.id);
    await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId: demande.id, decision: "accepter" });
    expect(await db().adresse.findUniqueOrThrow({ where: { id: ancienne.id } })).toMatchObject({
      numero: "12",
      voie: "Chemin d'Arbonne",
      codePostal: "64200",
      ville: "Biarritz",
      codeInsee: "64122",
    });
    expect(await db().usager.findUniqueOrThrow({ where: { id: usager.id } })).toMatchObject({
      adresseVoie: "Chemin d'Arbonne",
      ville: "Biarritz",
    });
  });

  it("is refused to a space without a family (it edits its own address)", async () => {
    const usager = await espace();
    const adresse = adresseSchema.parse({
      adresseVoie: "Rue du Fronton",
      codePostal: "64990",
      ville: "Villefranque",
      pays: "France",
    });
    await expect(demanderChangementAdresse({ usagerId: usager.id, adresse })).rejects.toMatchObject({
      code: "sans_famille",
    });
  });
});

describe("Modifier mon espace: the password", () => {
  it("needs the current password, follows the creation rule, and ends the other sessions only", async () => {
    const usager = await espace();
    const [ici, ailleurs] = await db().$transaction(async (tx) => [
      await openSession(tx, { kind: "USAGER", usagerId: usager.id }, "192.0.2.1"),
      await openSession(tx, { kind: "USAGER", usagerId: usager.id }, "192.0.2.2"),
    ]);
    const session = await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(ici) } });
    const changer = (motDePasseActuel: string, motDePasse: string) =>
      changerMotDePasse({ usager, sessionId: session.id, motDePasseActuel, motDePasse, ip: nouvelleIp() });
    await expect(changer("Faux-mot-2026!", "Nouveau-Secret-64!")).rejects.toMatchObject({ field: "motDePasseActuel" });
    await expect(changer(MDP, "court")).rejects.toMatchObject({ field: "motDePasse" });
    expect(await changer(MDP, "Nouveau-Secret-64!")).toEqual({ sessionsFermees: 1 });
    expect((await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(ici) } })).revokedAt).toBeNull();
    expect(
      (await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(ailleurs) } })).revokedAt,
    ).not.toBeNull();
  });
});

describe("Supprimer mon espace", () => {
  it("deletes a space without a family at once, with its sessions and demandes, and journals it", async () => {
    const usager = await espace();
    await db().$transaction((tx) => openSession(tx, { kind: "USAGER", usagerId: usager.id }, "192.0.2.3"));
    await declarerFamille(usager);
    await expect(supprimerEspace({ usager, motDePasse: "Faux-mot-2026!", ip: nouvelleIp() })).rejects.toMatchObject({
      field: "motDePasseActuel",
    });
    await supprimerEspace({ usager, motDePasse: MDP, ip: nouvelleIp() });
    expect(await db().usager.findUnique({ where: { id: usager.id } })).toBeNull();
    expect(await db().session.count({ where: { usagerId: usager.id } })).toBe(0);
    expect(await db().demande.count({ where: { usagerId: usager.id } })).toBe(0);
    const entree = await db().journalEntry.findFirstOrThrow({
      where: { event: "espace.supprime", actorId: usager.id },
    });
    expect(JSON.stringify(entree.details)).not.toContain(usager.nomUsage);
  });

  it("with a family, asks the commune; the acceptance detaches the space, which can then be deleted", async () => {
    const usager = await espace();
    const famille = await familleDe(usager);
    await expect(supprimerEspace({ usager, motDePasse: MDP, ip: nouvelleIp() })).rejects.toThrow(AVEC_FAMILLE);
    const { numero } = await demanderSuppressionEspace({
      usager,
      motDePasse: MDP,
      motif: "Déménagement",
      ip: nouvelleIp(),
    });
    const demande = await db().demande.findUniqueOrThrow({ where: { numero } });
    expect(demande).toMatchObject({ type: "SUPPRESSION_ESPACE", statut: "DEPOSEE", familleId: famille.id });
    await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId: demande.id, decision: "accepter" });
    const titulaire = await db().representant.findFirstOrThrow({ where: { familleId: famille.id, role: "TITULAIRE" } });
    expect(titulaire.usagerId).toBeNull();
    await supprimerEspace({ usager, motDePasse: MDP, ip: nouvelleIp() });
    expect(await db().usager.findUnique({ where: { id: usager.id } })).toBeNull();
    // the family stays the commune's record
    expect(await db().famille.findUnique({ where: { id: famille.id } })).not.toBeNull();
  });
});
