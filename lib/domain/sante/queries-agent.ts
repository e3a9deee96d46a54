// The agents' read of a dossier santé: the console opens it for agents with the permission SANTE only
// (AccesSanteRefuse otherwise, before anything is decrypted), and each opening is written to the journal here,
// once per read (who, which demande or child; never the data itself). An inscription's P.A.I. is opened under
// the same permission by its recap (lib/domain/inscription/recap.ts).
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { ouvrirFiche, ouvrirValeurs } from "@/lib/domain/sante/coffre";
import { exigerAccesSante } from "@/lib/domain/sante/acces-agent";
import { lireFiche, type FicheSante } from "@/lib/domain/sante/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The update a DOSSIER_SANTE demande asks for, as the agent instructing it reads it. */
export async function lireDemandeSantePourAgent(
  agentId: string,
  demande: { id: string; numero: number | null; enfantId: string | null; donnees: Prisma.JsonValue },
): Promise<{ fiche: FicheSante | null; enfant: { prenoms: string; nom: string; dateNaissance: Date } | null }> {
  await exigerAccesSante(agentId);
  const lecture = lireFiche(ouvrirValeurs(demande));
  const [enfant] = await Promise.all([
    demande.enfantId
      ? db().enfant.findUnique({
          where: { id: demande.enfantId },
          select: { prenoms: true, nom: true, dateNaissance: true },
        })
      : null,
    journal(db(), {
      event: "dossier_sante.lecture",
      actorKind: "AGENT",
      actorId: agentId,
      details: { numero: demande.numero, enfantId: demande.enfantId },
    }),
  ]);
  return { fiche: lecture.ok ? lecture.fiche : null, enfant };
}

/** A child's validated versions, newest first, for the console's view of a family. */
export async function dossierSantePourAgent(agentId: string, enfantId: string) {
  await exigerAccesSante(agentId);
  const versions = await db().dossierSante.findMany({ where: { enfantId }, orderBy: { version: "desc" } });
  await journal(db(), {
    event: "dossier_sante.lecture",
    actorKind: "AGENT",
    actorId: agentId,
    details: { enfantId, versions: versions.length },
  });
  return versions.map((version) => ({
    version: version.version,
    valideeAt: version.valideeAt,
    fiche: ouvrirFiche(version),
  }));
}

/** The child of that family (the console's URL names both), or null. */
export function enfantDeFamille(familleId: string, enfantId: string) {
  const uuid = /^[0-9a-f-]{36}$/;
  if (!uuid.test(familleId) || !uuid.test(enfantId)) return null;
  return db().enfant.findFirst({
    where: { id: enfantId, familles: { some: { familleId } } },
    select: { id: true, prenoms: true, nom: true, dateNaissance: true },
  });
}
