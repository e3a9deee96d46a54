// The agents' side of the table: Prendre en charge, Demander un complément, Accepter, Refuser. Accepting
// applies the type's effect (an Ajout de famille creates the Famille) in the same transaction, and every
// decision the parent must know of queues its mail there too.
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { getCommune } from "@/lib/commune";
import { franchir } from "@/lib/domain/demande/transition";
import { intituleDemande, verifierVersion, type ChoixAcceptation, type Demarches } from "@/lib/domain/demande/demarche";
import { queueDecisionMail } from "@/lib/domain/demande/mails";
import type { StatutDemande } from "@/lib/generated/prisma/client";

export type DecisionAgent = "instruire" | "demanderComplement" | "accepter" | "refuser";

export async function deciderDemande({
  agent,
  demandeId,
  decision,
  motif,
  statutVu,
  rattachements,
  piecesNonVerifiees,
  demarches,
}: {
  /** the registry (lib/domain/demarches.ts): what accepting the demande's type creates */
  demarches: Demarches;
  agent: { id: string; prenom: string; nom: string };
  demandeId: string;
  decision: DecisionAgent;
  motif?: string | null;
  statutVu?: StatutDemande;
} & ChoixAcceptation): Promise<void> {
  const commune = await getCommune();
  await db().$transaction(async (tx) => {
    const acteur = { kind: "AGENT" as const, agentId: agent.id, nom: `${agent.prenom} ${agent.nom}` };
    const { apres } = await franchir(tx, { demandeId, transition: decision, acteur, motif, statutVu });
    const definition = demarches[apres.type];
    if (decision === "accepter") verifierVersion(definition, apres);
    const suite =
      decision === "accepter"
        ? ((await definition.accepter?.(tx, apres, { rattachements, piecesNonVerifiees })) ?? null)
        : decision === "refuser"
          ? ((await definition.refuser?.(tx, apres, motif ?? "")) ?? null)
          : null;
    const complement = typeof suite === "string" ? suite : (suite?.texte ?? null);
    if (decision !== "instruire" && apres.numero !== null) {
      const usager = await tx.usager.findUniqueOrThrow({ where: { id: apres.usagerId } });
      const statut = apres.statut as "ACCEPTEE" | "REFUSEE" | "A_COMPLETER";
      await queueDecisionMail(tx, {
        demande: { ...apres, numero: apres.numero },
        usager,
        commune,
        decision: statut,
        motif,
        complement,
        etapes: typeof suite === "object" ? suite?.etapes : undefined,
        typeLibelle: intituleDemande(demarches, apres),
      });
    }
    await journal(tx, {
      event: `demande.${decision}`,
      actorKind: "AGENT",
      actorId: agent.id,
      details: { numero: apres.numero },
    });
  });
}
