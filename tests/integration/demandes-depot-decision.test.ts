// The demande engine on PostgreSQL, deposits and decisions: deposits racing each other, one number each, the
// deposit mail and its suivi link; the family created at acceptance, the mails of a complément and a refusal, a
// child declared by both parents, a demande à compléter closed after 60 days.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/tokens";
import { seedCommune } from "@/prisma/seed";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { classerDemandesSansReponse } from "@/lib/domain/demande/classer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { numeroParSuivi } from "@/lib/domain/demande/queries";
import { modifierDeclaration } from "@/lib/domain/famille/declaration";
import { agent, declarerFamille, ENFANT, usagerActive } from "./demande-fixtures";

beforeAll(() => seedCommune());

describe("deposits", () => {
  it("makes one demande with one number of two concurrent deposits of the same draft", async () => {
    const usager = await usagerActive();
    const demandeId = await declarerFamille(usager);
    const results = await Promise.allSettled([
      deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId }),
      deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });
    expect(demande.statut).toBe("DEPOSEE");
    expect(demande.numero).toBe(
      (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ numero: number }>).value.numero,
    );
    expect(await db().demandeHistorique.count({ where: { demandeId } })).toBe(1);
    expect(
      await db().outboxMail.count({ where: { to: usager.courriel, subject: `Référence : ${demande.numero}` } }),
    ).toBe(1);
  });

  it("gives 20 concurrent deposits from 20 spaces 20 distinct increasing numbers", async () => {
    const usagers = await Promise.all(Array.from({ length: 20 }, () => usagerActive()));
    const drafts = [];
    for (const usager of usagers) drafts.push({ usagerId: usager.id, demandeId: await declarerFamille(usager) });
    const before = Number(
      (await db().$queryRaw<{ n: bigint }[]>`SELECT last_value AS n FROM demande_numero_seq`)[0]!.n,
    );
    const numeros = (await Promise.all(drafts.map((draft) => deposerDemande({ ...draft, demarches: DEMARCHES })))).map(
      (r) => r.numero,
    );
    expect(new Set(numeros).size).toBe(20);
    expect(Math.min(...numeros)).toBeGreaterThan(before);
    const byDeposit = await db().demande.findMany({
      where: { id: { in: drafts.map((d) => d.demandeId) } },
      orderBy: { numero: "asc" },
    });
    expect(byDeposit.map((d) => d.numero)).toEqual([...numeros].sort((a, b) => a - b));
  });

  it("queues the seed's deposit mail with a suivi link whose token is stored hashed", async () => {
    const usager = await usagerActive("Duhalde");
    const { numero } = await deposerDemande({
      demarches: DEMARCHES,
      usagerId: usager.id,
      demandeId: await declarerFamille(usager),
    });
    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: usager.courriel, subject: `Référence : ${numero}` },
    });
    expect(mail.text).toContain("Bonjour Mme DUHALDE");
    expect(mail.text).toMatch(
      /Nous avons bien reçu votre demande \(Ajout de famille\), déposée le \d\d\/\d\d\/\d{4}\./,
    );
    expect(mail.text).toContain(
      "Le service (Service Enfance / enfance@mairie-villefranque.fr) vous tiendra régulièrement informé",
    );
    expect(mail.text).toContain("La Mairie de Villefranque");
    const token = /\/demandes\/suivi\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    const demande = await db().demande.findUniqueOrThrow({ where: { numero } });
    expect(demande.suiviTokenHash).toBe(hashToken(token));
    expect(await numeroParSuivi(usager.id, token)).toBe(numero);
  });

  it("refuses to deposit an incomplete declaration, and keeps it a draft", async () => {
    const usager = await usagerActive();
    await modifierDeclaration({ usager, suite: { kind: "ajouter", role: "enfant" } });
    const draft = await db().demande.findFirstOrThrow({ where: { usagerId: usager.id } });
    await expect(deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId: draft.id })).rejects.toThrow(
      /incomplète \(Claire ETCHART, Enfant 1\)/,
    );
    expect((await db().demande.findUniqueOrThrow({ where: { id: draft.id } })).statut).toBe("BROUILLON");
  });

  it("keeps one draft per space, and none while a declaration waits", async () => {
    const usager = await usagerActive();
    await Promise.all([
      modifierDeclaration({ usager, suite: { kind: "ajouter", role: "enfant" } }),
      modifierDeclaration({ usager, suite: { kind: "ajouter", role: "contact" } }),
    ]);
    expect(await db().demande.count({ where: { usagerId: usager.id } })).toBe(1);
    const autre = await usagerActive();
    await deposerDemande({ demarches: DEMARCHES, usagerId: autre.id, demandeId: await declarerFamille(autre) });
    await expect(modifierDeclaration({ usager: autre, suite: { kind: "ajouter", role: "enfant" } })).rejects.toThrow(
      /est en cours de traitement/,
    );
  });
});

describe("decisions", () => {
  it("creates the family at acceptance, links the titulaire's space and mails its clé enfance", async () => {
    const usager = await usagerActive();
    const instructeur = await agent();
    const demandeId = await declarerFamille(usager, [
      ENFANT,
      { ...ENFANT, prenoms: "Louise", sexe: "FEMININ", dateNaissance: "2021-09-12" },
    ]);
    const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
    await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "accepter" });

    const famille = await db().famille.findFirstOrThrow({
      where: { representants: { some: { usagerId: usager.id } } },
      include: { representants: true, enfants: { include: { enfant: true } } },
    });
    expect(famille.cleEnfance).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(famille.representants).toMatchObject([{ role: "TITULAIRE", qualite: "MERE", autoriteParentale: true }]);
    expect(famille.enfants.map((e) => e.enfant.prenoms).sort()).toEqual(["Henri", "Louise"]);
    const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });
    expect(demande).toMatchObject({ statut: "ACCEPTEE", familleId: famille.id, instructeurId: instructeur.id });
    expect(demande.decideeAt).not.toBeNull();
    const mails = await db().outboxMail.findMany({ where: { to: usager.courriel }, orderBy: { createdAt: "asc" } });
    // the decision has its own subject: it is not mistaken for the deposit's receipt
    expect(mails.map((mail) => mail.subject)).toEqual([`Référence : ${numero}`, `Demande N° ${numero} acceptée`]);
    expect(mails[1]!.text).toContain(`Votre demande N° ${numero} (Ajout de famille) a été acceptée.`);
    expect(mails[1]!.text).toContain(famille.cleEnfance);
  });

  it("mails a refusal with its motif and a complément with what is missing; the parent then redeposits", async () => {
    const usager = await usagerActive();
    const instructeur = await agent();
    const demandeId = await declarerFamille(usager);
    const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
    await expect(
      deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "demanderComplement" }),
    ).rejects.toThrow("Indiquez le motif.");
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId,
      decision: "demanderComplement",
      motif: "Le livret de famille.",
    });
    const complement = await db().outboxMail.findFirstOrThrow({
      where: { to: usager.courriel, text: { contains: "est à compléter" } },
    });
    expect(complement.text).toContain("Ce qu'il manque : Le livret de famille.");
    expect(complement.subject).toBe(`Demande N° ${numero} à compléter`);

    // the wizard edits the demande sent back, and VALIDER redeposits it under its number
    const etape2 = await modifierDeclaration({ usager, suite: { kind: "etape2" } });
    expect(etape2.kind).toBe("recapitulatif");
    expect(await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId })).toEqual({ numero });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: instructeur,
      demandeId,
      decision: "refuser",
      motif: "Famille hors commune.",
    });
    const refus = await db().outboxMail.findFirstOrThrow({
      where: { to: usager.courriel, text: { contains: "a été refusée" } },
    });
    expect(refus.text).toContain("Motif du refus : Famille hors commune.");
    expect(refus.subject).toBe(`Demande N° ${numero} refusée`);
    const historique = await db().demandeHistorique.findMany({ where: { demandeId }, orderBy: { id: "asc" } });
    expect(historique.map((h) => h.transition)).toEqual(["deposer", "demanderComplement", "redeposer", "refuser"]);
  });

  it("records a child already declared by the other parent (garde alternée)", async () => {
    const mere = await usagerActive("Etchart");
    const pere = await usagerActive("Bidart");
    const premiere = await declarerFamille(mere, [{ ...ENFANT, nom: "Etchart-Bidart", prenoms: "Éloi" }]);
    await deposerDemande({ demarches: DEMARCHES, usagerId: mere.id, demandeId: premiere });
    const seconde = await declarerFamille(pere, [{ ...ENFANT, nom: "ETCHART BIDART", prenoms: "eloi" }]);
    await deposerDemande({ demarches: DEMARCHES, usagerId: pere.id, demandeId: seconde });
    expect(await db().demandeRapprochement.findMany({ where: { demandeId: seconde } })).toMatchObject([
      { autreDemandeId: premiere, enfantId: null },
    ]);

    // once the first family is accepted, a third declaration matches the known Enfant
    await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId: premiere, decision: "accepter" });
    const tiers = await usagerActive("Garat");
    const troisieme = await declarerFamille(tiers, [{ ...ENFANT, nom: "Etchart Bidart", prenoms: "Eloi" }]);
    await deposerDemande({ demarches: DEMARCHES, usagerId: tiers.id, demandeId: troisieme });
    const connu = await db().enfant.findFirstOrThrow({ where: { prenoms: "Éloi" } });
    expect(
      await db().demandeRapprochement.findMany({ where: { demandeId: troisieme, enfantId: { not: null } } }),
    ).toMatchObject([{ enfantId: connu.id }]);
  });

  it("closes a demande left à compléter for 60 days, by the system, with a mail", async () => {
    const usager = await usagerActive();
    const demandeId = await declarerFamille(usager);
    await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: await agent(),
      demandeId,
      decision: "demanderComplement",
      motif: "Justificatif.",
    });
    // (any other demande à compléter would be closed too: only this one is looked at)
    await classerDemandesSansReponse(DEMARCHES, new Date(Date.now() + 59 * 86_400_000));
    expect((await db().demande.findUniqueOrThrow({ where: { id: demandeId } })).statut).toBe("A_COMPLETER");
    expect(await classerDemandesSansReponse(DEMARCHES, new Date(Date.now() + 61 * 86_400_000))).toBeGreaterThanOrEqual(
      1,
    );
    const demande = await db().demande.findUniqueOrThrow({
      where: { id: demandeId },
      include: { historique: { orderBy: { id: "desc" }, take: 1 } },
    });
    expect(demande.statut).toBe("ANNULEE");
    expect(demande.historique[0]).toMatchObject({ acteur: "SYSTEME", transition: "classer" });
    expect(
      await db().outboxMail.count({ where: { to: usager.courriel, text: { contains: "classée sans suite" } } }),
    ).toBe(1);
  });
});
