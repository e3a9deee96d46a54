// The family's contacts as they stand: each person with, per child, « Venir chercher l'enfant » and « À prévenir
// en cas d'urgence » (ContactEnfant), read for the page « Contacts et habilitations », Ma famille's section and
// the démarche that changes them. Always scoped by the family of the space asking.
import { db, type Tx } from "@/lib/db";
import { EN_COURS } from "@/lib/domain/demande/queries";
import type { EnfantNomme, Personne } from "@/lib/domain/famille/contacts-saisie";

export type ContactsFamille = { enfants: EnfantNomme[]; contacts: (Personne & { id: string })[] };

/** The family's children (eldest first) and its contacts (by name), each with its answers per child. */
export async function contactsDeLaFamille(client: Tx, familleId: string): Promise<ContactsFamille> {
  const [liens, contacts] = await Promise.all([
    client.familleEnfant.findMany({
      where: { familleId },
      select: { enfant: { select: { id: true, prenoms: true } } },
      orderBy: { enfant: { dateNaissance: "asc" } },
    }),
    client.contact.findMany({
      where: { familleId },
      include: { enfants: { select: { enfantId: true, autoriseRecuperer: true, aPrevenir: true } } },
      orderBy: [{ nom: "asc" }, { prenom: "asc" }],
    }),
  ]);
  const enfants = liens.map((l) => l.enfant);
  return {
    enfants,
    contacts: contacts.map((c) => ({
      id: c.id,
      prenom: c.prenom,
      nom: c.nom,
      lien: c.lien,
      telephonePortable: c.telephonePortable,
      telephoneDomicile: c.telephoneDomicile,
      enfants: Object.fromEntries(
        enfants.map((e) => {
          const r = c.enfants.find((ce) => ce.enfantId === e.id);
          return [e.id, { autoriseRecuperer: r?.autoriseRecuperer ?? false, aPrevenir: r?.aPrevenir ?? false }];
        }),
      ),
    })),
  };
}

/** The « Contacts et habilitations » demande of this family in progress, if any (one at a time per family). */
export const contactsEnCours = (client: Tx, familleId: string) =>
  client.demande.findFirst({
    where: { familleId, type: "CONTACTS_HABILITATIONS", statut: { in: EN_COURS } },
    select: { numero: true },
  });

/** For the space asking: its family, the contacts as they stand, and the demande in progress. Null: no family. */
export async function contactsDuUsager(usagerId: string, client: Tx = db()) {
  const representant = await client.representant.findFirst({ where: { usagerId }, select: { familleId: true } });
  if (!representant) return null;
  const [actuels, enCours] = await Promise.all([
    contactsDeLaFamille(client, representant.familleId),
    contactsEnCours(client, representant.familleId),
  ]);
  return { familleId: representant.familleId, ...actuels, enCours: enCours?.numero ?? null };
}

export const nomComplet = (p: { prenom: string; nom: string }) => `${p.prenom} ${p.nom.toUpperCase()}`;

export const telephones = (p: Pick<Personne, "telephonePortable" | "telephoneDomicile">) =>
  [p.telephonePortable, p.telephoneDomicile].filter(Boolean).join(", ") || "—";

/** Ma famille's section: the family's list and its demande in progress (the page has checked the family). */
export async function sectionContacts(familleId: string) {
  const [famille, enCours] = await Promise.all([
    contactsDeLaFamille(db(), familleId),
    contactsEnCours(db(), familleId),
  ]);
  return { ...famille, enCours: enCours?.numero ?? null };
}
