// Accepting an inscription whose pièces are not all « Vérifiée », on PostgreSQL: refused unless the agent
// confirmed the unchecked pieces by name (the refusal names them: « Les pièces suivantes ne sont pas vérifiées :
// … Accepter quand même ? »), nothing half-written; a piece checked meanwhile leaves the list, a piece unmarked
// after the question was asked is asked about again; confirmed, the Inscription is created.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/pieces-nv-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { commencerInscription, enregistrerInscription } from "@/lib/domain/inscription/brouillon";
import { piecesNonVerifiees } from "@/lib/domain/inscription/pieces-verifiees";
import { deposerPiece } from "@/lib/domain/piece/pieces";
import { marquerPieceVerifiee } from "@/lib/domain/piece/verifier";
import { familleValidee, reponses } from "./inscription-fixtures";

const PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const pdf = (nom: string) => new File([PDF], nom, { type: "application/pdf" });

let restauration: number;

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  restauration = (await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } })).id;
}, 120_000);

const refus = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return (erreur as AppError).message;
};

describe("accepting an inscription whose pieces are not all « Vérifiée »", () => {
  it("is refused until the agent confirms the unchecked pieces by name", { timeout: 120_000 }, async () => {
    const { usager, enfantId, contactId, instructeur } = await familleValidee("Haramburu");
    const demandeId = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: restauration });
    const domicile = await deposerPiece({
      usagerId: usager.id,
      type: "JUSTIFICATIF_DOMICILE",
      fichier: pdf("domicile.pdf"),
      demandeId,
    });
    const livret = await deposerPiece({
      usagerId: usager.id,
      type: "LIVRET_FAMILLE",
      fichier: pdf("livret.pdf"),
      demandeId,
    });
    await enregistrerInscription({
      usagerId: usager.id,
      demandeId,
      values: await reponses(restauration, contactId),
      etape2: true,
    });
    const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
    const accepter = (piecesNonVerifiees?: string[]) =>
      deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "accepter", piecesNonVerifiees });
    const inchangee = async () => {
      expect((await db().demande.findUniqueOrThrow({ where: { id: demandeId } })).statut).toBe("DEPOSEE");
      expect(await db().inscription.count({ where: { demandeId } })).toBe(0);
    };

    // no confirmation: both pieces named, nothing written
    expect(await refus(accepter())).toBe(
      "Les pièces suivantes ne sont pas vérifiées : Justificatif de domicile, Livret de famille. Accepter quand même ?",
    );
    await inchangee();

    // the justificatif checked: only the livret is left to confirm; confirming another piece does not do
    await marquerPieceVerifiee({ agent: instructeur, numero, pieceId: domicile.id, verifiee: true });
    expect(await piecesNonVerifiees(demandeId)).toEqual([{ id: livret.id, libelle: "Livret de famille" }]);
    expect(await refus(accepter([domicile.id]))).toBe(
      "Les pièces suivantes ne sont pas vérifiées : Livret de famille. Accepter quand même ?",
    );
    await inchangee();

    // the question was asked about the livret, then a colleague unmarked the justificatif: asked again
    await marquerPieceVerifiee({ agent: instructeur, numero, pieceId: domicile.id, verifiee: false });
    expect(await refus(accepter([livret.id]))).toMatch(/^Les pièces suivantes ne sont pas vérifiées : Justificatif/);
    await inchangee();

    // confirmed by name: accepted, the Inscription created
    await accepter([domicile.id, livret.id]);
    expect((await db().demande.findUniqueOrThrow({ where: { id: demandeId } })).statut).toBe("ACCEPTEE");
    expect(await db().inscription.count({ where: { demandeId } })).toBe(1);
  });

  it("needs no confirmation once every piece is « Vérifiée »", { timeout: 120_000 }, async () => {
    const { usager, enfantId, contactId, instructeur } = await familleValidee("Oyharçabal");
    const demandeId = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: restauration });
    const pieces = [];
    for (const type of ["JUSTIFICATIF_DOMICILE", "LIVRET_FAMILLE"] as const)
      pieces.push(await deposerPiece({ usagerId: usager.id, type, fichier: pdf(`${type}.pdf`), demandeId }));
    await enregistrerInscription({
      usagerId: usager.id,
      demandeId,
      values: await reponses(restauration, contactId),
      etape2: true,
    });
    const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
    for (const piece of pieces)
      await marquerPieceVerifiee({ agent: instructeur, numero, pieceId: piece.id, verifiee: true });
    await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "accepter" });
    expect(await db().inscription.count({ where: { demandeId } })).toBe(1);
  });
});
