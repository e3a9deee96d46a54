// The parent deposits « Contacts et habilitations »: the whole new list, checked against the family of the
// space asking (a contact's id must be one of this family's), created and deposited in one transaction. One
// demande at a time per family: the family's row is locked while checking, so two co-representants (or two
// tabs) cannot deposit two lists that would overwrite each other.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getCommune } from "@/lib/commune";
import { deposerDans } from "@/lib/domain/demande/deposer";
import { contactsDeLaFamille, contactsEnCours } from "@/lib/domain/famille/contacts";
import type { Personne } from "@/lib/domain/famille/contacts-saisie";
import { DEMARCHE_CONTACTS_HABILITATIONS, type DonneesContacts } from "@/lib/domain/famille/demarche-contacts";

export async function demanderContacts({
  usagerId,
  contacts,
}: {
  usagerId: string;
  contacts: Personne[];
}): Promise<{ numero: number }> {
  const commune = await getCommune();
  const numero = await db().$transaction(async (tx) => {
    const representant = await tx.representant.findFirst({ where: { usagerId }, select: { familleId: true } });
    if (!representant)
      throw new AppError(
        "sans_famille",
        "Votre espace n'est rattaché à aucune famille : déclarez d'abord votre famille.",
      );
    const { familleId } = representant;
    await tx.$queryRaw`SELECT id FROM "Famille" WHERE id = ${familleId} FOR UPDATE`;
    const enCours = await contactsEnCours(tx, familleId);
    if (enCours)
      throw new AppError(
        "en_cours",
        `Votre demande de contacts et habilitations N° ${enCours.numero} est déjà en cours d'instruction.`,
      );
    const actuels = await contactsDeLaFamille(tx, familleId);
    const connus = new Set(actuels.contacts.map((c) => c.id));
    if (contacts.some((c) => c.id !== null && !connus.has(c.id)))
      throw new AppError("contact_inconnu", "Une des personnes n'est plus parmi vos contacts : rechargez la page.");
    const enfantsConnus = new Set(actuels.enfants.map((e) => e.id));
    const donnees: DonneesContacts = {
      enfants: actuels.enfants,
      avant: actuels.contacts,
      // only this family's children: an answer for another child is dropped
      contacts: contacts.map((c) => ({
        ...c,
        enfants: Object.fromEntries(Object.entries(c.enfants).filter(([id]) => enfantsConnus.has(id))),
      })),
    };
    const demande = await tx.demande.create({
      data: { type: "CONTACTS_HABILITATIONS", usagerId, familleId, donnees },
    });
    return deposerDans(tx, {
      usagerId,
      demandeId: demande.id,
      commune,
      demarches: { CONTACTS_HABILITATIONS: DEMARCHE_CONTACTS_HABILITATIONS },
    });
  });
  return { numero };
}
