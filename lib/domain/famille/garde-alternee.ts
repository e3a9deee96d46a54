// Garde alternée at acceptance: a declared child whose match key (cleRapprochement) equals a known Enfant's
// may be that same child, already in the other parent's family. The console shows these candidates and the
// accept path re-reads them, so a rattachement is only ever made to a child the server itself found.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cleRapprochement } from "@/lib/domain/famille/rapprochement";

export type EnfantConnu = {
  id: string;
  prenoms: string;
  nom: string;
  dateNaissance: Date;
  /** "Claire ETCHART" for each family the child is in */
  titulaires: string[];
};

type Declare = { id: string; nom?: string; prenoms?: string; dateNaissance?: string };

/** For each declared child (by its id in the demande's data), the known Enfants with the same match key. */
export async function enfantsDejaConnus(
  client: Pick<Tx, "enfant">,
  enfants: readonly Declare[],
): Promise<Map<string, EnfantConnu[]>> {
  const cles = new Map(
    enfants
      .filter((e) => e.nom && e.prenoms && e.dateNaissance)
      .map((e) => [e.id, cleRapprochement(e.nom!, e.prenoms!, e.dateNaissance!)] as const),
  );
  const connus = cles.size
    ? await client.enfant.findMany({
        where: { cleRapprochement: { in: [...new Set(cles.values())] } },
        select: {
          id: true,
          prenoms: true,
          nom: true,
          dateNaissance: true,
          cleRapprochement: true,
          familles: {
            select: {
              famille: {
                select: { representants: { where: { role: "TITULAIRE" }, select: { prenom: true, nomUsage: true } } },
              },
            },
          },
        },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const resultat = new Map<string, EnfantConnu[]>();
  for (const [ref, cle] of cles) {
    const memes = connus.filter((connu) => connu.cleRapprochement === cle);
    if (memes.length === 0) continue;
    resultat.set(
      ref,
      memes.map(({ id, prenoms, nom, dateNaissance, familles }) => ({
        id,
        prenoms,
        nom,
        dateNaissance,
        titulaires: familles.flatMap(({ famille }) =>
          famille.representants.map((r) => `${r.prenom} ${r.nomUsage.toUpperCase()}`),
        ),
      })),
    );
  }
  return resultat;
}

/** Refuses any rattachement the server did not find itself: the form's ids are never trusted. */
export function verifierRattachements(
  rattachements: Record<string, string>,
  candidats: Map<string, EnfantConnu[]>,
): void {
  const choisis = Object.entries(rattachements);
  for (const [ref, enfantId] of choisis) {
    if (!candidats.get(ref)?.some((candidat) => candidat.id === enfantId)) {
      throw new AppError(
        "rattachement_invalide",
        "L'enfant choisi pour le rattachement n'est pas un enfant possiblement déjà connu de cette demande.",
      );
    }
  }
  if (new Set(choisis.map(([, enfantId]) => enfantId)).size !== choisis.length) {
    throw new AppError(
      "rattachement_invalide",
      "Deux enfants déclarés ne peuvent pas être rattachés au même enfant connu.",
    );
  }
}

/** DemandeRapprochement.decision: RATTACHER for each child linked to a known Enfant, CREER for the others. */
export async function noterDecisions(
  tx: Tx,
  demandeId: string,
  rattachements: Record<string, string>,
  candidats: Map<string, EnfantConnu[]>,
): Promise<void> {
  for (const [enfantRef, connus] of candidats) {
    const choisi = rattachements[enfantRef];
    // the deposit may have recorded only another pending demande (the known Enfant came later): one row per known child
    for (const connu of connus) {
      const existe = await tx.demandeRapprochement.findFirst({
        where: { demandeId, enfantRef, enfantId: connu.id },
        select: { id: true },
      });
      if (!existe) await tx.demandeRapprochement.create({ data: { demandeId, enfantRef, enfantId: connu.id } });
    }
    if (choisi)
      await tx.demandeRapprochement.updateMany({ where: { demandeId, enfantRef }, data: { decision: "RATTACHER" } });
  }
  await tx.demandeRapprochement.updateMany({ where: { demandeId, decision: null }, data: { decision: "CREER" } });
}
