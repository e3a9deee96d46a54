// What each type of demande brings to the shared engine: its name as the seed writes it, how to tell that its
// data is complete enough to deposit, what its deposit records, and what its acceptance creates. A new
// démarche (inscription, dossier santé…) adds one entry here; the engine does not change.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { creerFamilleDepuisDemande } from "@/lib/domain/famille/creer";
import { accepterRattachement } from "@/lib/domain/famille/rattacher";
import { accepterChangementAdresse, lireChangementAdresse } from "@/lib/domain/famille/changement-adresse";
import { accepterSuppressionEspace } from "@/lib/domain/usager/supprimer";
import { cleRapprochement } from "@/lib/domain/famille/rapprochement";
import { lireBrouillon, validerDeclaration } from "@/lib/domain/famille/schemas";
import { lireDonnees } from "@/lib/domain/inscription/regles";
import { accepterInscription, auDepotInscription, verifierDepotInscription } from "@/lib/domain/inscription/depot";
import { accepterDossierSante, verifierDepotSante } from "@/lib/domain/sante/dossier";
import type { Demande, TypeDemande } from "@/lib/generated/prisma/client";

export type DefinitionDemande = {
  /** "Ajout de famille", as in "ENFANCE Ajout de famille" */
  libelle: string;
  domaine: string;
  /** the name of this very demande when its type has several ("Inscription à la restauration (école publique).") */
  intitule?(donnees: unknown): string | null;
  /** "de mise à jour du dossier santé": how the confirmation page names it ("Votre demande … a été enregistrée") */
  demandeDe?: string;
  /** a sentence the confirmation page adds, in the seed's words */
  confirmation?: string;
  /** throws a French AppError when the data cannot be deposited as is */
  verifierDepot(donnees: unknown): void;
  /** recorded at each deposit (e.g. the possible matches of a child) */
  auDepot?(tx: Tx, demande: Demande): Promise<void>;
  /** the effect of the acceptance, in its transaction; returns a sentence for the parent's mail */
  accepter?(tx: Tx, demande: Demande, choix: ChoixAcceptation): Promise<string | null>;
};

/** What the agent chose while accepting. */
export type ChoixAcceptation = {
  /** garde alternée: declared child (its id in the demande's data) → the known Enfant it is the same child as */
  rattachements?: Record<string, string>;
};

export const TYPES_DEMANDE: Record<TypeDemande, DefinitionDemande> = {
  AJOUT_FAMILLE: {
    libelle: "Ajout de famille",
    domaine: "Enfance",
    verifierDepot(donnees) {
      const validation = validerDeclaration(lireBrouillon(donnees));
      if (!validation.ok) {
        const qui = validation.manques.map((manque) => manque.personne).join(", ");
        throw new AppError(
          "incomplete",
          `Votre déclaration est incomplète (${qui}) : complétez l'étape 1 avant de valider.`,
        );
      }
    },
    async auDepot(tx, demande) {
      const validation = validerDeclaration(lireBrouillon(demande.donnees));
      if (!validation.ok) return;
      const enfants = validation.declaration.enfants.map((enfant) => ({
        ref: enfant.id,
        cle: cleRapprochement(enfant.nom, enfant.prenoms, enfant.dateNaissance),
      }));
      const cles = enfants.map((enfant) => enfant.cle);
      await tx.demande.update({ where: { id: demande.id }, data: { clesEnfants: cles } });
      await tx.demandeRapprochement.deleteMany({ where: { demandeId: demande.id } });
      const [connus, declares] = await Promise.all([
        tx.enfant.findMany({ where: { cleRapprochement: { in: cles } }, select: { id: true, cleRapprochement: true } }),
        tx.demande.findMany({
          where: {
            id: { not: demande.id },
            type: "AJOUT_FAMILLE",
            statut: { in: ["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"] },
            clesEnfants: { hasSome: cles },
          },
          select: { id: true, clesEnfants: true },
        }),
      ]);
      const rapprochements = enfants.flatMap((enfant) => [
        ...connus
          .filter((connu) => connu.cleRapprochement === enfant.cle)
          .map((connu) => ({ enfantRef: enfant.ref, enfantId: connu.id })),
        ...declares
          .filter((autre) => autre.clesEnfants.includes(enfant.cle))
          .map((autre) => ({ enfantRef: enfant.ref, autreDemandeId: autre.id })),
      ]);
      if (rapprochements.length > 0) {
        await tx.demandeRapprochement.createMany({
          data: rapprochements.map((r) => ({ ...r, demandeId: demande.id })),
        });
      }
    },
    async accepter(tx, demande, { rattachements }) {
      const famille = await creerFamilleDepuisDemande(tx, demande, { rattachements });
      return `Votre famille a été validée par le service Enfance. Sa clé enfance est ${famille.cleEnfance} : le co-représentant de la famille peut la saisir dans « Modifier mon espace » pour accéder à la famille depuis son propre espace.`;
    },
  },
  RATTACHEMENT_FAMILLE: {
    libelle: "Rattachement à une famille",
    domaine: "Enfance",
    verifierDepot(donnees) {
      if (!donnees || typeof donnees !== "object" || !("familleId" in donnees))
        throw new AppError("incomplete", "Cette demande ne désigne aucune famille.");
    },
    accepter: (tx, demande) => accepterRattachement(tx, demande),
  },
  INSCRIPTION: {
    libelle: "Inscription",
    domaine: "Enfance",
    intitule: (donnees) => lireDonnees(donnees)?.intitule ?? null,
    verifierDepot: verifierDepotInscription,
    auDepot: auDepotInscription,
    accepter: (tx, demande) => accepterInscription(tx, demande),
  },
  DOSSIER_SANTE: {
    libelle: "Dossier santé",
    domaine: "Enfance",
    demandeDe: "de mise à jour du dossier santé",
    confirmation: "Vous recevez la confirmation que le dossier santé de votre enfant a été déposé.",
    verifierDepot: verifierDepotSante,
    accepter: (tx, demande) => accepterDossierSante(tx, demande),
  },
  CHANGEMENT_ADRESSE: {
    libelle: "Changement d'adresse",
    domaine: "Enfance",
    verifierDepot(donnees) {
      if (!lireChangementAdresse(donnees))
        throw new AppError("incomplete", "Indiquez la nouvelle adresse complète avant de valider.");
    },
    // wrapped: the command's module imports the engine, which imports this registry
    accepter: (tx, demande) => accepterChangementAdresse(tx, demande),
  },
  SUPPRESSION_ESPACE: {
    libelle: "Suppression de l'espace personnel",
    domaine: "Enfance",
    verifierDepot() {},
    accepter: (tx, demande) => accepterSuppressionEspace(tx, demande),
  },
};

/** A demande's name as the parent and the agents read it: its own (an inscription's activity) or its type's. */
export function libelleDemande(demande: { type: TypeDemande; donnees?: unknown }): string {
  const type = TYPES_DEMANDE[demande.type];
  return type.intitule?.(demande.donnees) ?? type.libelle;
}
