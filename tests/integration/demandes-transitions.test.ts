// The demande engine on PostgreSQL, its transitions: the transition table fired for real for every state,
// transition and actor, with its history; two agents deciding at once, the second told who won. Deposits and
// decisions are in demandes-depot-decision.test.ts, the parent's side in demandes-parent.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seedCommune } from "@/prisma/seed";
import { franchir, type ActeurRef } from "@/lib/domain/demande/transition";
import { refusTransition, STATUTS, TRANSITION_NAMES, TRANSITIONS } from "@/lib/domain/demande/transitions";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import type { Acteur, StatutDemande } from "@/lib/generated/prisma/enums";
import { agent, usagerActive } from "./demande-fixtures";

beforeAll(() => seedCommune());

async function demandeEn(statut: StatutDemande, usagerId: string): Promise<string> {
  const numero =
    statut === "BROUILLON"
      ? null
      : Number((await db().$queryRaw<{ n: bigint }[]>`SELECT nextval('demande_numero_seq') AS n`)[0]!.n);
  const demande = await db().demande.create({
    data: { type: "AJOUT_FAMILLE", statut, usagerId, numero, deposeeAt: numero ? new Date() : null },
  });
  return demande.id;
}

describe("the transition table, fired on PostgreSQL", () => {
  it("allows exactly what the table allows, for every state, transition and actor, and writes history", async () => {
    const usager = await usagerActive();
    const instructeur = await agent();
    const acteurs: Record<Acteur, ActeurRef> = {
      USAGER: { kind: "USAGER", usagerId: usager.id },
      AGENT: { kind: "AGENT", agentId: instructeur.id, nom: "Maite Irigoyen" },
      SYSTEME: { kind: "SYSTEME" },
    };
    let permis = 0;
    for (const statut of STATUTS) {
      for (const transition of TRANSITION_NAMES) {
        for (const kind of ["USAGER", "AGENT", "SYSTEME"] as Acteur[]) {
          const id = await demandeEn(statut, usager.id);
          const attendu = refusTransition(statut, transition, kind, "motif") === null;
          const result = await db()
            .$transaction((tx) => franchir(tx, { demandeId: id, transition, acteur: acteurs[kind], motif: "motif" }))
            .then(
              () => "ok",
              (error: unknown) => (error instanceof AppError ? "refus" : Promise.reject(error)),
            );
          const apres = await db().demande.findUniqueOrThrow({ where: { id }, include: { historique: true } });
          const label = `${statut} › ${transition} › ${kind}`;
          if (attendu) {
            permis++;
            expect(result, label).toBe("ok");
            expect(apres.statut, label).toBe(TRANSITIONS[transition].vers);
            expect(apres.historique, label).toMatchObject([
              { de: statut, vers: TRANSITIONS[transition].vers, acteur: kind, transition, motif: "motif" },
            ]);
          } else {
            expect(result, label).toBe("refus");
            expect(apres.statut, label).toBe(statut);
            expect(apres.historique, label).toHaveLength(0);
          }
        }
      }
    }
    // the twelve of the issue, « expirer » (an absence without justificatif in time) and « annulerAvecFamille »
    // (an inscription made while its family waited), each from three states
    expect(permis).toBe(18);
    // 7 × 10 × 3 round trips to PostgreSQL: more than the default 30 s on a loaded machine
  }, 120_000);

  it("tells the second of two agents acting at once who won, and when", async () => {
    const usager = await usagerActive();
    const [maite, peio] = [await agent("Irigoyen"), await agent("Larralde")];
    const id = await demandeEn("DEPOSEE", usager.id);
    const results = await Promise.allSettled([
      deciderDemande({
        demarches: DEMARCHES,
        agent: { ...maite, prenom: "Maite" },
        demandeId: id,
        decision: "instruire",
      }),
      deciderDemande({
        demarches: DEMARCHES,
        agent: { ...peio, prenom: "Peio" },
        demandeId: id,
        decision: "instruire",
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refus = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refus.reason.message).toMatch(
      /^Cette demande a déjà été traitée par (Maite Irigoyen|Peio Larralde) à \d\d:\d\d\.$/,
    );
    expect(await db().demandeHistorique.count({ where: { demandeId: id } })).toBe(1);
  });

  it("tells an agent arriving just after the other's commit who acted, too", async () => {
    const usager = await usagerActive();
    const [maite, peio] = [await agent("Irigoyen"), await agent("Larralde")];
    const id = await demandeEn("DEPOSEE", usager.id);
    await deciderDemande({
      demarches: DEMARCHES,
      agent: { ...maite, prenom: "Maite" },
      demandeId: id,
      decision: "instruire",
    });
    await expect(
      deciderDemande({
        demarches: DEMARCHES,
        agent: { ...peio, prenom: "Peio" },
        demandeId: id,
        decision: "instruire",
      }),
    ).rejects.toThrow(/^Cette demande a déjà été traitée par Maite Irigoyen à \d\d:\d\d\.$/);
  });
});
