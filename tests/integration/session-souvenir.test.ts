// « Se souvenir de moi sur cet appareil »: a remembered session lives 30 days on its device, a normal one 30 idle
// minutes; Mon profil's « Appareils mémorisés » lists and forgets only the caller's; a password change ends the
// remembered ones too.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { login } from "@/lib/auth/login";
import { findLiveSession, SESSION_IDLE_MS, SESSION_SOUVENIR_MS, toucherSession } from "@/lib/auth/sessions";
import { appareilsMemorises, oublierAppareils } from "@/lib/auth/appareils";
import { hashToken } from "@/lib/auth/tokens";
import { changerMotDePasse } from "@/lib/domain/usager/modifier";
import { seedCommune } from "@/prisma/seed";
import { usagerActive } from "./demande-fixtures";

const MDP = "Villefranque-64990!";
const JOUR = 24 * 60 * 60 * 1000;
let ip = 0;
const nouvelleIp = () => `198.51.100.${++ip}`;

beforeAll(() => seedCommune());

async function espace() {
  const usager = await usagerActive();
  return db().usager.update({
    where: { id: usager.id },
    data: { passwordHash: await hashPassword(MDP), identifiantNormalise: usager.identifiant.toLowerCase() },
  });
}

async function connecter(usager: { identifiant: string }, seSouvenir: boolean, appareil = "Firefox sur Android") {
  const resultat = await login({
    kind: "USAGER",
    identifiant: usager.identifiant,
    motDePasse: MDP,
    ip: nouvelleIp(),
    seSouvenir,
    appareil,
  });
  if (!resultat.ok) throw new Error(`connexion refusée : ${resultat.reason}`);
  const session = await db().session.findUniqueOrThrow({ where: { tokenHash: hashToken(resultat.token) } });
  return { token: resultat.token, session };
}

const apres = (depuis: Date, ms: number) => new Date(depuis.getTime() + ms);

describe("Se souvenir de moi sur cet appareil", () => {
  it("a remembered session lives 30 days on its device, idle or not; a normal one ends after 30 idle minutes", async () => {
    const usager = await espace();
    const memorisee = await connecter(usager, true);
    expect(memorisee.session).toMatchObject({ seSouvenir: true, appareil: "Firefox sur Android" });
    const debut = memorisee.session.createdAt;
    expect(await findLiveSession(memorisee.token, apres(debut, 29 * JOUR))).not.toBeNull();
    expect(await findLiveSession(memorisee.token, apres(debut, SESSION_SOUVENIR_MS))).toBeNull();

    const normale = await connecter(usager, false);
    expect(normale.session.seSouvenir).toBe(false);
    const vue = normale.session.lastSeenAt;
    expect(await findLiveSession(normale.token, apres(vue, SESSION_IDLE_MS - 1000))).not.toBeNull();
    // (the read above moved the idle clock: 30 minutes from it)
    const touchee = await db().session.findUniqueOrThrow({ where: { id: normale.session.id } });
    expect(await findLiveSession(normale.token, apres(touchee.lastSeenAt, SESSION_IDLE_MS))).toBeNull();
  });

  it("« Rester connecté » moves the idle clock at once, whatever the last touch", async () => {
    const usager = await espace();
    const { token, session } = await connecter(usager, false);
    const plusTard = apres(session.lastSeenAt, 28 * 60 * 1000);
    await toucherSession(session.id, plusTard);
    expect(await findLiveSession(token, apres(plusTard, SESSION_IDLE_MS - 1000))).not.toBeNull();
  });

  it("lists the caller's remembered devices only, and forgets one of theirs, never another space's", async () => {
    const usager = await espace();
    const autre = await espace();
    const telephone = await connecter(usager, true, "Firefox sur Android");
    const ordinateur = await connecter(usager, true, "Edge sur Windows");
    await connecter(usager, false);
    const sienne = await connecter(autre, true);

    const liste = await appareilsMemorises(usager.id, telephone.session.id);
    expect(liste.map((a) => [a.appareil, a.courant]).sort()).toEqual([
      ["Edge sur Windows", false],
      ["Firefox sur Android", true],
    ]);

    // another space's session is one that does not exist: nothing revoked
    expect(await oublierAppareils({ usagerId: usager.id, sessionId: sienne.session.id, ip: nouvelleIp() })).toBe(0);
    expect(await findLiveSession(sienne.token)).not.toBeNull();

    expect(await oublierAppareils({ usagerId: usager.id, sessionId: ordinateur.session.id, ip: nouvelleIp() })).toBe(1);
    expect(await findLiveSession(ordinateur.token)).toBeNull();
    expect(await findLiveSession(telephone.token)).not.toBeNull();
    expect((await appareilsMemorises(usager.id, telephone.session.id)).map((a) => a.appareil)).toEqual([
      "Firefox sur Android",
    ]);
    const entree = await db().journalEntry.findFirstOrThrow({
      where: { event: "session.appareil_oublie", actorId: usager.id },
    });
    expect(entree.details).toEqual({ sessions: 1, tous: false });
  });

  it("« Oublier tous les appareils » ends every remembered session of the caller's, and only those", async () => {
    const usager = await espace();
    const autre = await espace();
    const un = await connecter(usager, true);
    const deux = await connecter(usager, true);
    const normale = await connecter(usager, false);
    const sienne = await connecter(autre, true);
    expect(await oublierAppareils({ usagerId: usager.id, ip: nouvelleIp() })).toBe(2);
    expect(await findLiveSession(un.token)).toBeNull();
    expect(await findLiveSession(deux.token)).toBeNull();
    expect(await findLiveSession(normale.token)).not.toBeNull();
    expect(await findLiveSession(sienne.token)).not.toBeNull();
    expect(await appareilsMemorises(usager.id, normale.session.id)).toEqual([]);
  });

  it("a password change ends the remembered sessions too, the one making the change goes on", async () => {
    const usager = await espace();
    const memorisee = await connecter(usager, true);
    const ici = await connecter(usager, false);
    const { sessionsFermees } = await changerMotDePasse({
      usager,
      sessionId: ici.session.id,
      motDePasseActuel: MDP,
      motDePasse: "Ustaritz-64480-Nouveau!",
      ip: nouvelleIp(),
    });
    expect(sessionsFermees).toBe(1);
    expect(await findLiveSession(memorisee.token)).toBeNull();
    expect(await findLiveSession(ici.token)).not.toBeNull();
  });
});
