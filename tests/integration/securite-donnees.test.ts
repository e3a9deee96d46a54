// The security review's findings (issue 12) on uploads and health data, on PostgreSQL: each describe is named
// after its finding, and each test fails without its fix. The review's other findings: a family's space and its
// mails in securite-espaces.test.ts, the login in securite-connexion.test.ts.
import { existsSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

// Before the storage module reads its directory: an empty one of this file's own.
const STORAGE_DIR = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/securite-${Math.random().toString(36).slice(2)}`;
  process.env.STORAGE_DIR = dir;
  return dir;
});

import { db } from "@/lib/db";
import { BROUILLONS_PAR_ADRESSE, createBrouillon, purgeBrouillons, saveBrouillon } from "@/lib/domain/usager/brouillon";
import { AccesSanteRefuse, changerAccesSante } from "@/lib/domain/sante/acces-agent";
import { dossierSantePourAgent, lireDemandeSantePourAgent } from "@/lib/domain/sante/queries-agent";
import { recapInscriptionPourAgent } from "@/lib/domain/inscription/recap";
import { modifierDossierSante } from "@/lib/domain/sante/dossier";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { commencerInscription, enregistrerInscription } from "@/lib/domain/inscription/brouillon";
import { getStorage } from "@/lib/storage/storage";
import { POST as posterPiece } from "@/app/api/pieces/route";
import { agent } from "./demande-fixtures";
import { familleValidee, reponses } from "./inscription-fixtures";
import { ip, preparerCommune } from "./securite-fixtures";

preparerCommune();

describe("anonymous uploads pile up", () => {
  it("purgeBrouillons deletes the photo with its expired draft", async () => {
    const cree = (await createBrouillon(ip()))!;
    const photoKey = await getStorage().put(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await saveBrouillon(cree.brouillon.id, { identite: { nomUsage: "Etchart", photoKey } }, { step: 2, reached: 2 });
    expect(await getStorage().get(photoKey)).not.toBeNull();
    expect(await purgeBrouillons(new Date(Date.now() + 25 * 3600_000))).toBeGreaterThanOrEqual(1);
    expect(await db().wizardDraft.count({ where: { id: cree.brouillon.id } })).toBe(0);
    expect(await getStorage().get(photoKey)).toBeNull();
    expect(existsSync(STORAGE_DIR)).toBe(true);
  });

  it(`limits drafts to ${BROUILLONS_PAR_ADRESSE.max} a day per address`, async () => {
    const adresse = ip();
    const crees = await Promise.all(
      Array.from({ length: BROUILLONS_PAR_ADRESSE.max + 3 }, () => createBrouillon(adresse)),
    );
    expect(crees.filter(Boolean)).toHaveLength(BROUILLONS_PAR_ADRESSE.max);
    expect(await createBrouillon(ip())).not.toBeNull();
    expect(await createBrouillon(adresse, new Date(Date.now() + 24 * 3600_000 + 1000))).not.toBeNull();
  });
});

describe("health data is open to every agent", () => {
  it("an agent without the permission SANTE gets AccesSanteRefuse, nothing decrypted nor journaled", async () => {
    const { usager, enfantId, instructeur } = await familleValidee("Sante");
    expect(
      await modifierDossierSante({
        usagerId: usager.id,
        enfantId,
        values: { pai: "on", commentaire: "Asthme" },
        etape2: true,
      }),
    ).toEqual({
      kind: "recapitulatif",
    });
    const demandeId = (await dossierSanteDuUsager(usager.id, enfantId))!.editable!.id;
    await deposerDemande({ usagerId: usager.id, demandeId, demarches: DEMARCHES });
    const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });

    await expect(lireDemandeSantePourAgent(instructeur.id, demande)).rejects.toBeInstanceOf(AccesSanteRefuse);
    await expect(dossierSantePourAgent(instructeur.id, enfantId)).rejects.toBeInstanceOf(AccesSanteRefuse);
    expect(await db().journalEntry.count({ where: { event: "dossier_sante.lecture", actorId: instructeur.id } })).toBe(
      0,
    );

    // an administrator gives the access: each read is journaled once, by the query
    const admin = await agent("Admin");
    await changerAccesSante({ admin, agentId: instructeur.id, accorde: true, ip: ip() });
    expect((await lireDemandeSantePourAgent(instructeur.id, demande)).fiche?.commentaire).toBe("Asthme");
    await dossierSantePourAgent(instructeur.id, enfantId);
    expect(await db().journalEntry.count({ where: { event: "dossier_sante.lecture", actorId: instructeur.id } })).toBe(
      2,
    );
    expect(await db().journalEntry.count({ where: { event: "agent.acces_sante_accorde", actorId: admin.id } })).toBe(1);

    // withdrawn: refused again at once
    await changerAccesSante({ admin, agentId: instructeur.id, accorde: false, ip: ip() });
    await expect(dossierSantePourAgent(instructeur.id, enfantId)).rejects.toBeInstanceOf(AccesSanteRefuse);
  });

  it("the P.A.I. of an inscription opens, journaled once per read by the query, only with the permission", async () => {
    const { usager, enfantId, contactId } = await familleValidee("Pai");
    const activite = await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } });
    const demandeId = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: activite.id });
    await enregistrerInscription({
      usagerId: usager.id,
      demandeId,
      values: await reponses(activite.id, contactId, { pai: "Allergie aux arachides" }),
      etape2: false,
    });
    const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });
    const sans = await agent("SansSante");
    const avec = await agent("AvecSante", { permissions: ["SANTE"] });

    const refuse = await recapInscriptionPourAgent(sans.id, demande);
    expect(refuse).toMatchObject({ pai: true, paiObjet: null });
    expect(JSON.stringify(refuse)).not.toContain("arachides");
    expect(await recapInscriptionPourAgent(avec.id, demande)).toMatchObject({ paiObjet: "Allergie aux arachides" });
    await recapInscriptionPourAgent(avec.id, demande);
    const lectures = await db().journalEntry.findMany({ where: { event: "inscription.pai_consulte" } });
    expect(lectures.map((l) => l.actorId)).toEqual([avec.id, avec.id]);
  });
});

describe("a malformed Origin on POST /api/pieces", () => {
  it.each([["http://["], ["null"], ["pas une url"]])("Origin %j is a 403, not a 500", async (origin) => {
    const reponse = await posterPiece(
      new Request("http://127.0.0.1:3000/api/pieces", { method: "POST", headers: { origin, host: "127.0.0.1:3000" } }),
    );
    expect(reponse.status).toBe(403);
    expect(await reponse.json()).toEqual({ message: "Requête refusée." });
  });
});
