// Tariffs per unit and school year, edited by administrators: one row per unit and year, its brackets replaced
// as a whole in the same transaction (a half-written grid is never billed).
import "server-only";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { validerTarif, type SaisieTarif } from "@/lib/domain/facturation/tarif";

export async function enregistrerTarif({
  uniteId,
  anneeId,
  agentId,
  saisie,
}: {
  uniteId: number;
  anneeId: number;
  agentId: string;
  saisie: SaisieTarif;
}): Promise<{ ok: true } | { ok: false; errors: Record<string, string> } | null> {
  const [unite, annee] = await Promise.all([
    db().unite.findUnique({ where: { id: uniteId } }),
    db().anneeScolaire.findUnique({ where: { id: anneeId } }),
  ]);
  if (!unite || !annee) return null;
  const resultat = validerTarif(saisie);
  if (!resultat.ok) return resultat;
  const { tranches, ...tarif } = resultat.tarif;
  await db().$transaction(async (tx) => {
    const enregistre = await tx.tarif.upsert({
      where: { uniteId_anneeId: { uniteId, anneeId } },
      create: { ...tarif, uniteId, anneeId, activiteId: unite.activiteId },
      update: tarif,
    });
    await tx.trancheTarif.deleteMany({ where: { tarifId: enregistre.id } });
    if (tranches.length > 0) {
      await tx.trancheTarif.createMany({ data: tranches.map((t) => ({ ...t, tarifId: enregistre.id })) });
    }
    await journal(tx, {
      event: "facturation.tarif",
      actorKind: "AGENT",
      actorId: agentId,
      details: { unite: uniteId, annee: anneeId, mode: tarif.mode },
    });
  });
  return { ok: true };
}

export async function grilleTarifs(anneeId: number) {
  const [activites, tarifs] = await Promise.all([
    db().activite.findMany({ orderBy: { ordre: "asc" }, include: { unites: { orderBy: { ordre: "asc" } } } }),
    db().tarif.findMany({ where: { anneeId }, include: { tranches: { orderBy: { qfMin: "asc" } } } }),
  ]);
  return activites.map((a) => ({
    ...a,
    unites: a.unites.map((u) => ({ ...u, tarif: tarifs.find((t) => t.uniteId === u.id) ?? null })),
  }));
}

export const tarifDeLUnite = (uniteId: number, anneeId: number) =>
  db().tarif.findUnique({
    where: { uniteId_anneeId: { uniteId, anneeId } },
    include: { tranches: { orderBy: { qfMin: "asc" } } },
  });

export const anneesScolaires = () => db().anneeScolaire.findMany({ orderBy: { dateDebut: "desc" } });

export const uniteEtAnnee = (uniteId: number, anneeId: number) =>
  Promise.all([
    db().unite.findUnique({ where: { id: uniteId }, include: { activite: { select: { libelle: true } } } }),
    db().anneeScolaire.findUnique({ where: { id: anneeId } }),
  ]);
