// "Réinitialiser les données de démonstration": in a preview, everything typed since the deployment goes and the
// demo data comes back as it was (demande numbers from 1 again); outside a preview the command refuses and
// touches nothing.
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { reinitialiserDemonstration } from "@/lib/domain/demonstration/reinitialiser";
import { seedDemo } from "@/prisma/seed";

async function etat() {
  const [usagers, agents, demandes, sessions] = await Promise.all([
    db().usager.findMany({ select: { identifiant: true }, orderBy: { identifiant: "asc" } }),
    db().agent.count(),
    db().demande.findMany({ select: { numero: true }, orderBy: { numero: "asc" } }),
    db().session.count(),
  ]);
  return { usagers: usagers.map((u) => u.identifiant), agents, numeros: demandes.map((d) => d.numero), sessions };
}

it(
  "refuses outside a preview, then in a preview puts the demo data back and nothing else",
  { timeout: 180_000 },
  async () => {
    await seedDemo();
    const deploiement = await etat();
    // (and the families of the console's Monday, prisma/demo-quotidien.ts)
    expect(deploiement.usagers.filter((u) => !u.startsWith("famille."))).toEqual(["parent.attente", "parent.demo"]);
    // the family booking view has two children: Henri and Louise, each at the canteen (one menu) and the garderie
    // (Matin and Soir), each with days booked
    const inscriptions = await db().inscription.findMany({
      where: { statut: "ACTIVE", famille: { representants: { some: { usager: { identifiant: "parent.demo" } } } } },
      select: { enfant: { select: { prenoms: true } }, activite: { select: { code: true } }, unitesSouscrites: true },
      orderBy: [{ enfant: { prenoms: "asc" } }, { activite: { code: "asc" } }],
    });
    expect(inscriptions.map((i) => [i.enfant.prenoms, i.activite.code, i.unitesSouscrites.length])).toEqual([
      ["Henri", "GARDERIE_PUBLIQUE", 2],
      ["Henri", "RESTAURATION_PUBLIQUE", 1],
      ["Louise", "GARDERIE_PUBLIQUE", 2],
      ["Louise", "RESTAURATION_PUBLIQUE", 1],
    ]);
    for (const prenoms of ["Henri", "Louise"]) {
      const reservees = await db().reservation.count({
        where: { statut: "RESERVEE", enfant: { prenoms }, date: { gte: new Date("2026-12-01T00:00:00Z") } },
      });
      expect(reservees).toBeGreaterThan(20);
    }

    // What a reviewer does meanwhile: a new space, and the demande sequence moved on.
    const admin = await db().agent.findFirstOrThrow({ where: { identifiant: "admin.demo" } });
    await db().usager.create({
      data: {
        identifiant: "relecteur",
        identifiantNormalise: "relecteur",
        courriel: "relecteur@exemple.fr",
        courrielNormalise: "relecteur@exemple.fr",
        passwordHash: "x",
        civilite: "MADAME",
        nomUsage: "Relectrice",
        prenoms: "Anne",
        dateNaissance: new Date("1990-01-01T00:00:00Z"),
        cguVersion: 1,
        cguAcceptedAt: new Date(),
      },
    });
    await db().$queryRaw`SELECT nextval('demande_numero_seq')`;

    await expect(reinitialiserDemonstration({ agentId: admin.id, env: {} })).rejects.toThrow(
      "Les données ne peuvent être réinitialisées que dans une démonstration.",
    );
    expect((await etat()).usagers).toContain("relecteur");

    await reinitialiserDemonstration({ agentId: admin.id, env: { PREVIEW: "1" } });
    expect(await etat()).toEqual(deploiement);
  },
);
