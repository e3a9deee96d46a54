// "Changement d'adresses" of a space that holds a family: a demande for the agents, because a new address
// can change the family's tariff and school sector. Its acceptance moves the household: the address row the
// parent's representant shares with the family (and the children living there) is rewritten in place.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { demandeEnCours, deposerUneEnCours } from "@/lib/domain/demande/une-en-cours";
import type { AdresseSaisie } from "@/lib/domain/famille/schemas";
import {
  DEMARCHE_CHANGEMENT_ADRESSE,
  type DonneesChangementAdresse,
} from "@/lib/domain/famille/demarche-changement-adresse";
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
export async function adresseFamilleDuUsager(usagerId: string, client: Tx = db()) {
  const representant = await client.representant.findFirst({
    where: { usagerId },
    select: { familleId: true, adresse: true },
  });
  if (!representant) return null;
  const enCours = await demandeEnCours(client, usagerId, "CHANGEMENT_ADRESSE");
  return { familleId: representant.familleId, adresse: representant.adresse, enCours: enCours?.numero ?? null };
}

export function demanderChangementAdresse({
  usagerId,
  adresse,
}: {
  usagerId: string;
  adresse: AdresseSaisie;
}): Promise<{ numero: number }> {
  return deposerUneEnCours({
    usagerId,
    type: "CHANGEMENT_ADRESSE",
    demarches: { CHANGEMENT_ADRESSE: DEMARCHE_CHANGEMENT_ADRESSE },
    async preparer(tx) {
      const actuelle = await adresseFamilleDuUsager(usagerId, tx);
      if (!actuelle)
        throw new AppError(
          "sans_famille",
          "Votre espace n'est rattaché à aucune famille : modifiez votre adresse directement.",
        );
      const donnees: DonneesChangementAdresse = { adresse, ancienne: adresseEnLignes(actuelle.adresse).join(", ") };
      return { familleId: actuelle.familleId, donnees };
    },
    dejaEnCours: (numero) =>
      new AppError("en_cours", `Votre demande de changement d'adresse N° ${numero} est déjà en cours d'instruction.`),
  });
}
