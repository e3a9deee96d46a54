// The inscriptions made while their family waited for its acceptance (foyer.ts), settled by the agent's decision
// on the Ajout de famille, in the transaction of that decision: accepted, they become the new family's (its
// Enfants, Contacts and the pièces sent meanwhile); refused, they are cancelled with the same motif.
import type { Tx } from "@/lib/db";
import { franchir } from "@/lib/domain/demande/transition";
import { lireDonnees } from "@/lib/domain/inscription/regles";

type AjoutFamille = { id: string; usagerId: string };

function enAttenteDe(ajout: AjoutFamille) {
  return {
    type: "INSCRIPTION" as const,
    usagerId: ajout.usagerId,
    familleId: null,
    donnees: { path: ["ajoutFamilleId"], equals: ajout.id },
  };
}

const remapper = (reponses: Record<string, "AUTORISE" | "INTERDIT">, contacts: Map<string, string>) =>
  Object.fromEntries(
    Object.entries(reponses).flatMap(([ref, choix]) => (contacts.has(ref) ? [[contacts.get(ref)!, choix]] : [])),
  );

/**
 * Accepting the family: each waiting inscription (draft or deposited) now names the family, the child's Enfant
 * and the contacts' ids; the pièces the parent sent meanwhile become the family's. An inscription for a child the
 * declaration no longer has (corrected since) is cancelled, a draft of it deleted. Returns the numbers carried.
 */
export async function reporterInscriptions(
  tx: Tx,
  ajout: AjoutFamille,
  { familleId, enfants, contacts }: { familleId: string; enfants: Map<string, string>; contacts: Map<string, string> },
): Promise<number[]> {
  await tx.pieceJustificative.updateMany({ where: { usagerId: ajout.usagerId, familleId: null }, data: { familleId } });
  const attente = await tx.demande.findMany({ where: enAttenteDe(ajout), orderBy: { numero: "asc" } });
  const reportees: number[] = [];
  for (const demande of attente) {
    const donnees = lireDonnees(demande.donnees);
    const enfantId = donnees ? enfants.get(donnees.enfantId) : undefined;
    if (!donnees || !enfantId) {
      if (demande.statut === "BROUILLON") await tx.demande.delete({ where: { id: demande.id } });
      else if (demande.statut !== "ANNULEE" && demande.statut !== "REFUSEE")
        await franchir(tx, {
          demandeId: demande.id,
          transition: "annulerAvecFamille",
          acteur: { kind: "SYSTEME" },
          motif: "L'enfant de cette inscription n'est plus dans la famille acceptée.",
        });
      continue;
    }
    await tx.demande.update({
      where: { id: demande.id },
      data: {
        familleId,
        donnees: {
          ...donnees,
          enfantId,
          habilitations: remapper(donnees.habilitations, contacts),
          contacts: donnees.contacts.flatMap((ref) => (contacts.has(ref) ? [contacts.get(ref)!] : [])),
        },
      },
    });
    if (demande.numero !== null && demande.statut !== "ANNULEE" && demande.statut !== "REFUSEE")
      reportees.push(demande.numero);
  }
  return reportees;
}

/**
 * Refusing the family: its waiting inscriptions are cancelled (the agent's motif in their history), their
 * drafts deleted. Returns the numbers cancelled, for the refusal's mail.
 */
export async function annulerInscriptionsEnAttente(tx: Tx, ajout: AjoutFamille, motif: string): Promise<number[]> {
  const attente = await tx.demande.findMany({ where: enAttenteDe(ajout), orderBy: { numero: "asc" } });
  const annulees: number[] = [];
  for (const demande of attente) {
    if (demande.statut === "BROUILLON") {
      await tx.demande.delete({ where: { id: demande.id } });
    } else if (["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"].includes(demande.statut)) {
      await franchir(tx, {
        demandeId: demande.id,
        transition: "annulerAvecFamille",
        acteur: { kind: "SYSTEME" },
        motif,
      });
      if (demande.numero !== null) annulees.push(demande.numero);
    }
  }
  return annulees;
}
