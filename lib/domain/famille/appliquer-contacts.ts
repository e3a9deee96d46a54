// The acceptance of « Contacts et habilitations », in the decision's transaction: the family's list becomes the
// one the demande holds (contacts created, changed, deleted; each child's answers in ContactEnfant), and the
// children's active inscriptions get their habilitations rewritten from it, so the inscription and the agents'
// pointage list say at once who may pick each child up.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Personne } from "@/lib/domain/famille/contacts-saisie";

/** The contact's columns from the list (the family-wide answers: true when true for one child). */
const colonnes = (p: Personne) => ({
  prenom: p.prenom,
  nom: p.nom,
  lien: p.lien,
  telephonePortable: p.telephonePortable,
  telephoneDomicile: p.telephoneDomicile,
  autoriseRecuperer: Object.values(p.enfants).some((r) => r.autoriseRecuperer),
  aPrevenir: Object.values(p.enfants).some((r) => r.aPrevenir),
});

export async function appliquerContacts(tx: Tx, familleId: string, liste: Personne[]): Promise<void> {
  const [existants, liens] = await Promise.all([
    tx.contact.findMany({ where: { familleId }, select: { id: true } }),
    tx.familleEnfant.findMany({ where: { familleId }, select: { enfantId: true } }),
  ]);
  const connus = new Set(existants.map((c) => c.id));
  const gardes = new Set(liste.flatMap((p) => (p.id ? [p.id] : [])));
  if ([...gardes].some((id) => !connus.has(id)))
    throw new AppError(
      "contact_disparu",
      "Une personne de cette demande n'est plus parmi les contacts de la famille : la famille doit refaire sa demande.",
    );
  // a removed contact goes with its answers (ContactEnfant cascades)
  await tx.contact.deleteMany({ where: { familleId, id: { notIn: [...gardes] } } });
  const enfantIds = liens.map((l) => l.enfantId);
  for (const personne of liste) {
    const id = personne.id
      ? (await tx.contact.update({ where: { id: personne.id }, data: colonnes(personne) })).id
      : (await tx.contact.create({ data: { familleId, ...colonnes(personne) } })).id;
    for (const enfantId of enfantIds) {
      // a child added since the deposit gets no right: « Interdiction », not warned
      const reponse = personne.enfants[enfantId] ?? { autoriseRecuperer: false, aPrevenir: false };
      await tx.contactEnfant.upsert({
        where: { contactId_enfantId: { contactId: id, enfantId } },
        create: { contactId: id, enfantId, ...reponse },
        update: reponse,
      });
    }
  }
  await reecrireHabilitations(tx, familleId, enfantIds);
}

/**
 * The active inscriptions of these children: their habilitations ([{ contactId, nom, autorise }], as the
 * inscription wizard wrote them) from the current ContactEnfant rows.
 */
export async function reecrireHabilitations(tx: Tx, familleId: string, enfantIds: string[]): Promise<void> {
  const [inscriptions, reponses] = await Promise.all([
    tx.inscription.findMany({
      where: { familleId, enfantId: { in: enfantIds }, statut: "ACTIVE" },
      select: { id: true, enfantId: true },
    }),
    tx.contactEnfant.findMany({
      where: { enfantId: { in: enfantIds }, contact: { familleId } },
      select: { enfantId: true, autoriseRecuperer: true, contact: { select: { id: true, prenom: true, nom: true } } },
      orderBy: [{ contact: { nom: "asc" } }, { contact: { prenom: "asc" } }],
    }),
  ]);
  for (const inscription of inscriptions) {
    const habilitations = reponses
      .filter((r) => r.enfantId === inscription.enfantId)
      .map((r) => ({
        contactId: r.contact.id,
        nom: `${r.contact.prenom} ${r.contact.nom.toUpperCase()}`,
        autorise: r.autoriseRecuperer,
      }));
    await tx.inscription.update({ where: { id: inscription.id }, data: { habilitations } });
  }
}
