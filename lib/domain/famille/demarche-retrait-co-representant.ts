// The « Retrait d'un co-représentant » démarche (lib/domain/famille/retirer-co-representant.ts deposits it): the
// titulaire asks for the co-représentant to leave the family, or the co-représentant for themself, with a motif.
// Accepting deletes the co-représentant's Representant row (nothing points at it by id): their space loses the
// family at once, every page reading the family through the space's own representant. The demandes they made stay
// theirs (scoped by their space), the family's other data stays the family's. The other space is told by mail.
import { createElement } from "react";
import { z } from "zod";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getCommune } from "@/lib/commune";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import type { Demande } from "@/lib/generated/prisma/client";
import RetraitCoRepresentant, { retraitCoRepresentantSubject } from "@/emails/RetraitCoRepresentant";

const donneesSchema = z.object({
  /** the Representant removed: the acceptance removes this very person, not whoever holds the role by then */
  representantId: z.string(),
  /** « Mikel BIDART », as the family held it at the deposit */
  nom: z.string(),
  /** asked by the co-représentant about themself */
  parLuiMeme: z.boolean(),
  motif: z.string().trim().min(1).max(1000),
});
export type DonneesRetraitCoRepresentant = z.infer<typeof donneesSchema>;

export function lireRetrait(donnees: unknown): DonneesRetraitCoRepresentant | null {
  const parsed = donneesSchema.safeParse(donnees ?? {});
  return parsed.success ? parsed.data : null;
}

function recap(demande: Demande): SectionRecap[] {
  const retrait = lireRetrait(demande.donnees);
  if (!retrait) return [{ titre: "Co-représentant", texte: ["Cette demande est incomplète."] }];
  return [
    {
      titre: "Co-représentant à retirer",
      lignes: [
        { libelle: "Nom", valeur: retrait.nom },
        {
          libelle: "Demandé par",
          valeur: retrait.parLuiMeme ? "Le co-représentant lui-même" : "Le titulaire du compte",
        },
      ],
    },
    { titre: "Motif", texte: [retrait.motif] },
  ];
}

export const DEMARCHE_RETRAIT_CO_REPRESENTANT = {
  type: "RETRAIT_CO_REPRESENTANT",
  libelle: "Retrait d'un co-représentant",
  domaine: "Enfance",
  demandeDe: "de retrait d'un co-représentant",
  donnees: { version: 1, schema: donneesSchema },
  verifierDepot(donnees) {
    if (!lireRetrait(donnees)) throw new AppError("incomplete", "Indiquez le motif du retrait avant de valider.");
  },
  accepter: (tx, demande) => accepterRetraitCoRepresentant(tx, demande),
  recap: { usager: async (demande) => recap(demande), agent: async (demande) => recap(demande) },
} satisfies DefinitionDemarche & { type: "RETRAIT_CO_REPRESENTANT" };

/** The agents accept: the co-représentant leaves the family; the other space gets a mail. */
export async function accepterRetraitCoRepresentant(tx: Tx, demande: Demande): Promise<string> {
  const retrait = lireRetrait(demande.donnees);
  if (!retrait || !demande.familleId) throw new AppError("incomplete", "Cette demande est incomplète.");
  const representants = await tx.representant.findMany({
    where: { familleId: demande.familleId },
    include: { usager: { select: { id: true, courriel: true } } },
  });
  const retire = representants.find((r) => r.id === retrait.representantId && r.role === "CO_REPRESENTANT");
  if (!retire) throw new AppError("deja_retire", "Ce co-représentant ne fait plus partie de la famille.");
  const titulaire = representants.find((r) => r.role === "TITULAIRE");
  await tx.representant.delete({ where: { id: retire.id } });
  // the address row the co-représentant alone lived at goes with them
  const encore = await tx.adresse.findFirst({
    where: { id: retire.adresseId, OR: [{ representants: { some: {} } }, { enfants: { some: {} } }] },
    select: { id: true },
  });
  if (!encore) await tx.adresse.delete({ where: { id: retire.adresseId } });

  const autre = retrait.parLuiMeme ? titulaire?.usager : retire.usager;
  if (autre && autre.id !== demande.usagerId) {
    const commune = await getCommune();
    const titulaireNom = titulaire ? `${titulaire.prenom} ${titulaire.nomUsage.toUpperCase()}` : "";
    const phrase = retrait.parLuiMeme
      ? `${retrait.nom} n'est plus co-représentant(e) de votre famille, à sa demande, validée par le ${commune.serviceNom}.`
      : `Vous n'êtes plus co-représentant(e) de la famille de ${titulaireNom}, à la demande du titulaire du compte, validée par le ${commune.serviceNom} : votre espace ne donne plus accès à cette famille.`;
    const element = createElement(RetraitCoRepresentant, {
      commune: commune.nom,
      phrase,
      lien: `${config.appUrl}/mon-espace`,
    });
    await enqueueMail(tx, await renderMail(autre.courriel, retraitCoRepresentantSubject, element));
  }
  return retrait.parLuiMeme
    ? "Vous ne faites plus partie de cette famille : votre espace n'y donne plus accès."
    : `${retrait.nom} ne fait plus partie de votre famille.`;
}
