// The registry of démarches on PostgreSQL: every type's recap reads its demande for the parent and for the
// agent (a Rattachement à une famille included, whose "La demande" tab was empty), an agent's reading of a
// dossier santé is journaled by the query the console calls, and data of an unknown version is refused.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedCommune } from "@/prisma/seed";
import type { SectionRecap } from "@/lib/domain/demande/demarche";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { demandeDuUsager } from "@/lib/domain/demande/queries";
import { DEMARCHES, recapPourAgent, recapPourUsager } from "@/lib/domain/demarches";
import { saisirCleEnfance } from "@/lib/domain/famille/rattacher";
import { modifierDossierSante } from "@/lib/domain/sante/dossier";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { agent, declarerFamille, ENFANT, usagerActive } from "./demande-fixtures";

beforeAll(() => seedCommune());

/** "Libellé : valeur" for each row, and each paragraph and list item, as the one Recap component shows them. */
function lignes(sections: SectionRecap[]): string[] {
  return sections.flatMap((s) => [
    `# ${s.titre}`,
    ...(s.lignes ?? []).map((l) => `${l.libelle} : ${l.valeur ?? "—"}`),
    ...(s.texte ?? []),
    ...(s.liste ?? []),
  ]);
}

async function familleValidee(nom: string) {
  const titulaire = await usagerActive(nom);
  const demandeId = await declarerFamille(titulaire, [{ ...ENFANT, nom, prenoms: "Louise" }]);
  await deposerDemande({ demarches: DEMARCHES, usagerId: titulaire.id, demandeId });
  await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId, decision: "accepter" });
  const famille = await db().famille.findFirstOrThrow({
    where: { representants: { some: { usagerId: titulaire.id } } },
    include: { enfants: true },
  });
  return { titulaire, famille };
}

describe("the recap of each démarche", () => {
  it("shows the parent of a Rattachement à une famille the family asked for and their own identity", async () => {
    const { titulaire, famille } = await familleValidee("Recalde");
    const autre = await usagerActive("Ospital");
    const resultat = await saisirCleEnfance({ usager: autre, saisie: famille.cleEnfance, ip: "192.0.2.90" });
    if (resultat.kind !== "demande") throw new Error("a demande was expected");
    const demande = (await demandeDuUsager(autre.id, resultat.numero))!;

    const parent = lignes(await recapPourUsager(demande));
    expect(parent).toContain(`Clé enfance : ${famille.cleEnfance}`);
    expect(parent).toContain(`Titulaire du compte : ${titulaire.prenoms} ${titulaire.nomUsage.toUpperCase()}`);
    expect(parent).toContain(`Nom : ${autre.nomUsage.toUpperCase()}`);
    expect(parent).toContain(`Courriel : ${autre.courriel}`);

    const console = lignes(await recapPourAgent((await agent()).id, demande));
    expect(console).toContain("# L'espace qui demande");
    expect(console.some((l) => l.startsWith(`# La famille (clé ${famille.cleEnfance}) — Titulaire`))).toBe(true);
    expect(console).toContain(`Courriel : ${titulaire.courriel}`);
  });

  it("shows an Ajout de famille person by person, and journals an agent's reading of a dossier santé", async () => {
    const { titulaire, famille } = await familleValidee("Lasarte");
    const ajout = await db().demande.findFirstOrThrow({ where: { usagerId: titulaire.id, type: "AJOUT_FAMILLE" } });
    const recap = lignes(await recapPourUsager(ajout));
    expect(recap.some((l) => l.startsWith("# Titulaire du compte :"))).toBe(true);
    expect(recap).toContain("# Membre : Louise LASARTE");

    const enfantId = famille.enfants[0]!.enfantId;
    const values = { medecinNom: "Dr Maite ARROSSA", commentaire: "Lunettes", pai: "on" };
    await modifierDossierSante({ usagerId: titulaire.id, enfantId, values, etape2: true });
    const demandeId = (await dossierSanteDuUsager(titulaire.id, enfantId))!.editable!.id;
    const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: titulaire.id, demandeId });
    const sante = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });

    expect(lignes(await recapPourUsager(sante))).toEqual(expect.arrayContaining(["Dr Maite ARROSSA", "Lunettes"]));
    const instructrice = await agent(undefined, { permissions: ["SANTE"] });
    const avant = await db().journalEntry.count({
      where: { event: "dossier_sante.lecture", actorId: instructrice.id },
    });
    const console = lignes(await recapPourAgent(instructrice.id, sante));
    expect(console).toEqual(
      expect.arrayContaining(["# Enfant : Louise LASARTE", "Dr Maite ARROSSA", "Demande de PAI : oui"]),
    );
    const lectures = await db().journalEntry.findMany({
      where: { event: "dossier_sante.lecture", actorId: instructrice.id },
    });
    expect(lectures.length).toBe(avant + 1);
    expect(JSON.stringify(lectures.at(-1)!.details)).toContain(String(numero));
    expect(JSON.stringify(lectures.map((l) => l.details))).not.toContain("ARROSSA");
  });
});

describe("the version of a demande's data", () => {
  it("refuses to read, deposit or accept data written under a version its démarche does not know", async () => {
    const usager = await usagerActive("Iriberri");
    const demandeId = await declarerFamille(usager);
    await db().demande.update({ where: { id: demandeId }, data: { donneesVersion: 2 } });
    const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });
    const attendu = "Données de demande « Ajout de famille » en version 2 : seule la version 1 est lue.";
    await expect(recapPourUsager(demande)).rejects.toThrow(attendu);
    await expect(deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId })).rejects.toThrow(attendu);
    expect((await db().demande.findUniqueOrThrow({ where: { id: demandeId } })).statut).toBe("BROUILLON");
  });
});
