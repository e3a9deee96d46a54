// "Changement d'adresses" of a space that holds a family: a demande for the agents, because a new address
// can change the family's tariff and school sector. Its acceptance moves the household: the address row the
// parent's representant shares with the family (and the children living there) is rewritten in place.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { EN_COURS } from "@/lib/domain/demande/queries";
import type { AdresseSaisie } from "@/lib/domain/famille/schemas";
import type { DonneesChangementAdresse } from "@/lib/domain/famille/demarche-changement-adresse";
import type { Adresse } from "@/lib/generated/prisma/client";

export function adresseEnLignes(
  a: Pick<Adresse, "numero" | "voie" | "batiment" | "appartement" | "complement" | "codePostal" | "ville" | "pays">,
): string[] {
  return [
    [a.numero, a.voie].filter(Boolean).join(" "),
    [a.batiment && `Bâtiment ${a.batiment}`, a.appartement && `Appartement ${a.appartement}`]
      .filter(Boolean)
      .join(", "),
    a.complement ?? "",
    [a.codePostal, a.ville].filter(Boolean).join(" "),
    a.pays,
  ].filter(Boolean);
}

/** The family's address as this space's representant has it, and the demande already waiting, if any. */
export async function adresseFamilleDuUsager(usagerId: string) {
  const representant = await db().representant.findFirst({
    where: { usagerId },
    select: { familleId: true, adresse: true },
  });
  if (!representant) return null;
  const enCours = await db().demande.findFirst({
    where: { usagerId, type: "CHANGEMENT_ADRESSE", statut: { in: EN_COURS } },
    select: { numero: true },
  });
  return { familleId: representant.familleId, adresse: representant.adresse, enCours: enCours?.numero ?? null };
}

export async function demanderChangementAdresse({
  usagerId,
  adresse,
}: {
  usagerId: string;
  adresse: AdresseSaisie;
}): Promise<{ numero: number }> {
  const actuelle = await adresseFamilleDuUsager(usagerId);
  if (!actuelle)
    throw new AppError(
      "sans_famille",
      "Votre espace n'est rattaché à aucune famille : modifiez votre adresse directement.",
    );
  if (actuelle.enCours)
    throw new AppError(
      "en_cours",
      `Votre demande de changement d'adresse N° ${actuelle.enCours} est déjà en cours d'instruction.`,
    );
  const donnees: DonneesChangementAdresse = { adresse, ancienne: adresseEnLignes(actuelle.adresse).join(", ") };
  const demande = await db().demande.create({
    data: { type: "CHANGEMENT_ADRESSE", usagerId, familleId: actuelle.familleId, donnees },
  });
  // deposited through the engine like any demande: number, suivi mail, history
  return deposerDemande({ demarches: DEMARCHES, usagerId, demandeId: demande.id });
}
