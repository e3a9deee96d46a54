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
  /** the pièces not « Vérifiée » the agent was shown by name and accepted all the same (their ids) */
  piecesNonVerifiees?: readonly string[];
};

/**
 * A declared child who may be a child already known (garde alternée): the agent says, when accepting, whether
 * it is that child (ChoixAcceptation.rattachements) or a new one.
 */
export type RapprochementPossible = {
  /** the declared child's id in the demande's data */
  enfantRef: string;
  /** the declared child as the parent wrote it ("Éloi ETCHART") */
  declare: string;
  connus: { id: string; prenoms: string; nom: string; dateNaissance: Date; titulaires: string[] }[];
};

/** What the confirmation page adds after a deposit: a notice, a warning, where to go next, a button. */
export type AvisApresDepot = {
  texte: string;
  attention?: string;
  /** the way through the menus, as the parent reads it ("Mon accueil > … > Mettre à jour") */
  chemin?: string;
  lien?: { libelle: string; href: string };
};

/** A démarche's pages around one demande: step 1, step 2, the cancel confirmation, and where a cancel leads. */
export type Reprise = { reprendre: string; recapitulatif: string; annuler: string; apresAnnulation: string };

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
  /** the confirmation page's notice after the deposit (the caller has loaded the demande scoped by its parent);
   * `now` for what it says of a date (the reservations' opening) */
  avisApresDepot?(demande: Pick<Demande, "numero" | "donnees" | "enfantId">, now: Date): Promise<AvisApresDepot | null>;
  /** where its wizard is taken up again (a draft, or a demande sent back « à compléter »); none for a démarche
   * made in one step */
  reprise?(demande: { id: string; enfantId: string | null }): Reprise;
  /** the suivi's « Inscrire » tab: while the demande lives (neither refused nor withdrawn) the parent may enrol
   * the children it declares, before the agents accept it */
  inscrireDepuisLeSuivi?: boolean;
  /** the recap already says who asks: the agent's view leaves out its « Le demandeur » part */
  recapMontreLeDemandeur?: boolean;
  /** the children the agent must match before accepting (read when the agent opens the demande, not at deposit:
   * the other parent's family may have been accepted since) */
  rapprochements?(demande: Demande): Promise<RapprochementPossible[]>;
  /**
   * The shape of `Demande.donnees` and its version (`Demande.donneesVersion`): a demande written under another
   * version is refused with a clear error rather than misread. A change of shape bumps the version; `lit` lists
   * the older versions its reader still reads as they are (a demande deposited before the change stays readable).
   */
  donnees: { version: number; schema: z.ZodType; lit?: readonly number[] };
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

/**
 * The definitions an engine command is handed: the whole registry (from a page's action), or only the démarche
 * an aggregate deposits itself (`{ ABSENCE: DEMARCHE_ABSENCE }`), since no aggregate imports the registry.
 */
export type DemarchesConnues = { readonly [T in TypeDemande]?: DefinitionDemarche & { type: T } };

/** The definition of a type among those handed to the engine: a type not handed is the caller's mistake. */
export function definitionDe(demarches: DemarchesConnues, type: TypeDemande): DefinitionDemarche {
  const definition = demarches[type];
  if (!definition) throw new Error(`La démarche ${type} n'a pas été remise au moteur des demandes.`);
  return definition;
}

/** A demande's name as the parent and the agents read it: its own (an inscription's activity) or its type's. */
export function intituleDemande(
  demarches: DemarchesConnues,
  demande: { type: TypeDemande; donnees?: unknown },
): string {
  const definition = definitionDe(demarches, demande.type);
  return definition.intitule?.(demande.donnees) ?? definition.libelle;
}

/** Refuses a demande whose data was written under a version its definition does not read. */
export function verifierVersion(definition: DefinitionDemarche, demande: Pick<Demande, "donneesVersion">): void {
  const { version, lit = [] } = definition.donnees;
  if (demande.donneesVersion !== version && !lit.includes(demande.donneesVersion))
    throw new Error(
      `Données de demande « ${definition.libelle} » en version ${demande.donneesVersion} : seule la version ${definition.donnees.version} est lue.`,
    );
}
