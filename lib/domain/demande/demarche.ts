// What a démarche (a type of demande) brings to the engine. Each aggregate writes its own definition beside its
// rules (lib/domain/<aggregate>/demarche*.ts) and lib/domain/demarches.ts assembles them in one typed map; the
// engine only knows this shape and receives the map from its callers, so it imports no aggregate and no import
// circle can form through it.
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import type { Demande, TypeDemande } from "@/lib/generated/prisma/client";

/** One line of a recap: "Lieu" — "École publique de Villefranque"; `href` makes the value a link (a piece). */
export type LigneRecap = { libelle: string; valeur: string | null; href?: string };

/**
 * A titled part of a recap, as data: rows of label and value, paragraphs, or a bulleted list (`vide` is said
 * when the list is empty). One component draws every démarche's recap from these.
 */
export type SectionRecap = {
  titre: string;
  lignes?: LigneRecap[];
  texte?: string[];
  liste?: string[];
  vide?: string;
};

/** What a decision's mail says beyond the decision: a sentence, and the next steps (each with its link). */
export type SuiteDecision = { texte: string | null; etapes: { texte: string; lien?: string }[] };

/** What the agent chose while accepting. */
export type ChoixAcceptation = {
  /** garde alternée: declared child (its id in the demande's data) → the known Enfant it is the same child as */
  rattachements?: Record<string, string>;
};

export type DefinitionDemarche = {
  type: TypeDemande;
  /** "Ajout de famille", as in "ENFANCE Ajout de famille" */
  libelle: string;
  domaine: string;
  /** the name of this very demande when its type has several ("Inscription à la restauration (école publique).") */
  intitule?(donnees: unknown): string | null;
  /** "de mise à jour du dossier santé": how the confirmation page names it ("Votre demande … a été enregistrée") */
  demandeDe?: string;
  /** a sentence the confirmation page adds, in the seed's words */
  confirmation?: string;
  /**
   * The shape of `Demande.donnees` and its version (`Demande.donneesVersion`): a demande written under another
   * version is refused with a clear error rather than misread. A change of shape bumps the version.
   */
  donnees: { version: number; schema: z.ZodType };
  /** throws a French AppError when the data cannot be deposited as is */
  verifierDepot(donnees: unknown): void;
  /** recorded at each deposit (e.g. the possible matches of a child) */
  auDepot?(tx: Tx, demande: Demande): Promise<void>;
  /** the effect of the acceptance, in its transaction; returns a sentence for the parent's mail, or its next steps */
  accepter?(tx: Tx, demande: Demande, choix: ChoixAcceptation): Promise<string | SuiteDecision | null>;
  /** what the refusal also does (by an agent, or by the system when a delay ran out), in its transaction, the
   * motif given; may return a sentence for the parent's mail */
  refuser?(tx: Tx, demande: Demande, motif: string): Promise<string | null | void>;
  /** what the parent's withdrawal undoes, in its transaction */
  annuler?(tx: Tx, demande: Demande): Promise<void>;
  /**
   * "La demande" as its parent reads it (suivi, step 2) and as the agent instructing it reads it (who may see
   * more, and whose reading of health data is journaled). The caller has already checked who may see it.
   */
  recap: {
    usager(demande: Demande): Promise<SectionRecap[]>;
    agent(demande: Demande, agentId: string): Promise<SectionRecap[]>;
  };
};

/** Every type with its definition: a type without one (or without its recap) does not compile. */
export type Demarches = { readonly [T in TypeDemande]: DefinitionDemarche & { type: T } };

/** A demande's name as the parent and the agents read it: its own (an inscription's activity) or its type's. */
export function intituleDemande(demarches: Demarches, demande: { type: TypeDemande; donnees?: unknown }): string {
  const definition = demarches[demande.type];
  return definition.intitule?.(demande.donnees) ?? definition.libelle;
}

/** Refuses a demande whose data was written under a version its definition does not read. */
export function verifierVersion(definition: DefinitionDemarche, demande: Pick<Demande, "donneesVersion">): void {
  if (demande.donneesVersion !== definition.donnees.version)
    throw new Error(
      `Données de demande « ${definition.libelle} » en version ${demande.donneesVersion} : seule la version ${definition.donnees.version} est lue.`,
    );
}
