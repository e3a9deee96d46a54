// The « Ajout d'un co-représentant » démarche (lib/domain/famille/ajouter-co-representant.ts deposits it): the
// other parent (or a tuteur) typed with the declaration's fields, the courriel required since it receives the
// invitation. Accepting makes the person the family's co-représentant, without a space yet, and queues, in the
// same transaction, the invitation to create one and type the clé enfance (lib/domain/famille/rattacher.ts then
// links the space whose identity matches).
import { createElement } from "react";
import { z } from "zod";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { familleDuDemandeur } from "@/lib/domain/famille/demandeur";
import { getCommune } from "@/lib/commune";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import type { DefinitionDemarche } from "@/lib/domain/demande/demarche";
import { recapAjoutFamille } from "@/lib/domain/famille/demarche-ajout-famille";
import { creerAdresse, donneesRepresentant } from "@/lib/domain/famille/creer";
import { coRepresentantSchema, type CoRepresentant } from "@/lib/domain/famille/schemas";
import type { Demande } from "@/lib/generated/prisma/client";
import InvitationCoRepresentant, { invitationCoRepresentantSubject } from "@/emails/InvitationCoRepresentant";

/** What the demande holds: the person as typed (the declaration's draft shape). */
export type DonneesAjoutCoRepresentant = { coRepresentant: Record<string, string> };

export function lireAjoutCoRepresentant(donnees: unknown): Record<string, string> {
  const parsed = z.object({ coRepresentant: z.record(z.string(), z.string()) }).safeParse(donnees ?? {});
  return parsed.success ? parsed.data.coRepresentant : {};
}

/** The person, complete and with a courriel (the invitation's address), or null. */
export function coRepresentantDeLaDemande(donnees: unknown): (CoRepresentant & { courriel: string }) | null {
  const parsed = coRepresentantSchema.safeParse(lireAjoutCoRepresentant(donnees));
  return parsed.success && parsed.data.courriel ? { ...parsed.data, courriel: parsed.data.courriel } : null;
}

export const MESSAGE_COURRIEL_REQUIS = "Indiquez le courriel du co-représentant : il y reçoit son invitation.";
export const MESSAGE_DEJA_CO_REPRESENTANT =
  "Votre famille a déjà un co-représentant : retirez-le d'abord si une autre personne doit le remplacer.";

const recap = async (demande: Demande) =>
  recapAjoutFamille({
    titulaire: null,
    coRepresentant: lireAjoutCoRepresentant(demande.donnees),
    enfants: [],
    contacts: [],
  }).map((section) =>
    // the co-représentant at the family's address: said so, the titulaire's address is not in this demande
    ({
      ...section,
      lignes: section.lignes?.map((ligne) =>
        ligne.libelle === "Adresse" && lireAjoutCoRepresentant(demande.donnees).memeAdresse === "on"
          ? { ...ligne, valeur: "Celle de la famille" }
          : ligne,
      ),
    }),
  );

export const DEMARCHE_AJOUT_CO_REPRESENTANT = {
  type: "AJOUT_CO_REPRESENTANT",
  libelle: "Ajout d'un co-représentant",
  domaine: "Enfance",
  demandeDe: "d'ajout d'un co-représentant",
  donnees: { version: 1, schema: z.object({ coRepresentant: z.record(z.string(), z.string()) }) },
  verifierDepot(donnees) {
    if (!coRepresentantDeLaDemande(donnees))
      throw new AppError(
        "incomplete",
        "Les informations du co-représentant sont incomplètes : corrigez-les avant de valider.",
      );
  },
  accepter: (tx, demande) => accepterAjoutCoRepresentant(tx, demande),
  recap: { usager: recap, agent: recap },
} satisfies DefinitionDemarche & { type: "AJOUT_CO_REPRESENTANT" };

/** The agents accept: the person becomes the co-représentant (no space yet), and receives the invitation. */
export async function accepterAjoutCoRepresentant(tx: Tx, demande: Demande): Promise<string> {
  const personne = coRepresentantDeLaDemande(demande.donnees);
  if (!personne || !demande.familleId)
    throw new AppError("incomplete", "Cette demande ne contient pas un co-représentant complet.");
  const famille = await tx.famille.findUniqueOrThrow({
    where: { id: await familleDuDemandeur(tx, demande) },
    include: { representants: true },
  });
  if (famille.representants.some((r) => r.role === "CO_REPRESENTANT"))
    throw new AppError("deja_co_representant", "Cette famille a déjà un co-représentant.");
  const titulaire = famille.representants.find((r) => r.role === "TITULAIRE");
  if (!titulaire) throw new AppError("sans_titulaire", "Cette famille n'a pas de titulaire.");
  const adresseId = personne.adresse ? await creerAdresse(tx, personne.adresse) : titulaire.adresseId;
  await tx.representant.create({
    data: { ...donneesRepresentant(personne), familleId: famille.id, role: "CO_REPRESENTANT", adresseId },
  });
  const demandeur = famille.representants.find((r) => r.usagerId === demande.usagerId) ?? titulaire;
  const commune = await getCommune();
  const element = createElement(InvitationCoRepresentant, {
    commune: commune.nom,
    serviceNom: commune.serviceNom,
    invitePar: `${demandeur.prenom} ${demandeur.nomUsage.toUpperCase()}`,
    cleEnfance: famille.cleEnfance,
    lien: `${config.appUrl}/creer-mon-espace`,
  });
  await enqueueMail(tx, await renderMail(personne.courriel, invitationCoRepresentantSubject(commune.nom), element));
  return `${personne.prenom} ${personne.nomUsage.toUpperCase()} est maintenant co-représentant(e) de votre famille. Une invitation lui est envoyée à l'adresse ${personne.courriel} : après avoir créé son espace, il ou elle y saisit la clé enfance ${famille.cleEnfance}.`;
}
