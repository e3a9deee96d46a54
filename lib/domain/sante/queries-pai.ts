// Who reads a child's signed PAI (document-pai.ts), with the dossier santé's own rules: a representant of the
// child's family (the PAI of a validated version, of the demande they are writing, or of one deposited), or an
// agent given the access to health data (AccesSanteRefuse otherwise, before anything is read), each agent's
// reading journaled (who, which child and demande or version; never the document). Anything else: null (a 404).
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { ouvrirFiche, ouvrirValeurs } from "@/lib/domain/sante/coffre";
import { exigerAccesSante } from "@/lib/domain/sante/acces-agent";
import { ouvrirDocumentPai } from "@/lib/domain/sante/document-pai";
import { EDITABLES, enfantDuUsager } from "@/lib/domain/sante/queries";
import { enfantDeFamille } from "@/lib/domain/sante/queries-agent";
import { documentDesValeurs, type DocumentPai } from "@/lib/domain/sante/suivi";
import type { Prisma } from "@/lib/generated/prisma/client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Which PAI: a demande's (its id), a version's (its number), else the last validated version's. */
export type QuelPai = { demande?: string | null; version?: string | null };

type Trouve = { document: DocumentPai | null; numero: number | null; version: number | null };

async function trouver(enfantId: string, quel: QuelPai, demandes: Prisma.DemandeWhereInput): Promise<Trouve | null> {
  if (quel.demande) {
    if (!UUID.test(quel.demande)) return null;
    const demande = await db().demande.findFirst({
      where: { id: quel.demande, enfantId, type: "DOSSIER_SANTE", ...demandes },
      select: { id: true, numero: true, donnees: true },
    });
    return demande
      ? { document: documentDesValeurs(ouvrirValeurs(demande)), numero: demande.numero, version: null }
      : null;
  }
  const numero = quel.version && /^\d{1,6}$/.test(quel.version) ? Number(quel.version) : null;
  if (quel.version && numero === null) return null;
  const version = await db().dossierSante.findFirst({
    where: { enfantId, ...(numero ? { version: numero } : {}) },
    orderBy: { version: "desc" },
  });
  return version ? { document: ouvrirFiche(version).paiDocument, numero: null, version: version.version } : null;
}

/** For a representant of the child's family; another parent's draft is theirs alone. */
export async function documentPaiPourUsager(usagerId: string, enfantId: string, quel: QuelPai) {
  const enfant = await enfantDuUsager(usagerId, enfantId);
  if (!enfant) return null;
  const trouve = await trouver(enfant.id, quel, { OR: [{ usagerId }, { statut: { notIn: EDITABLES } }] });
  return trouve?.document ? ouvrirDocumentPai(enfant.id, trouve.document) : null;
}

/** For an agent given the access to health data: throws AccesSanteRefuse otherwise; journaled when found. */
export async function documentPaiPourAgent(agentId: string, familleId: string, enfantId: string, quel: QuelPai) {
  await exigerAccesSante(agentId);
  const enfant = await enfantDeFamille(familleId, enfantId);
  if (!enfant) return null;
  // the agents see a demande from its deposit on, never a draft
  const trouve = await trouver(enfant.id, quel, { statut: { not: "BROUILLON" } });
  if (!trouve?.document) return null;
  const fichier = await ouvrirDocumentPai(enfant.id, trouve.document);
  if (fichier)
    await journal(db(), {
      event: "dossier_sante.pai_consulte",
      actorKind: "AGENT",
      actorId: agentId,
      details: { enfantId: enfant.id, numero: trouve.numero, version: trouve.version },
    });
  return fichier;
}
