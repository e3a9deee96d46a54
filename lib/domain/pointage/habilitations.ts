// Who may pick a child up, beside its name on the day's list: the family's current answers (ContactEnfant, per
// child « Venir chercher l'enfant : Autorisation / Interdiction »), with the contact's relation and phone. What an
// agent accepted in a « Contacts et habilitations » demande shows at once; a contact removed is gone from the
// list. An Interdiction is listed too, to be seen.
import { db } from "@/lib/db";

export type Habilitation = { nom: string; lien: string | null; telephone: string | null; autorise: boolean };

/** Each child's habilitations (one query for all the children), those allowed first. */
export async function habilitationsDes(enfantIds: Iterable<string>): Promise<Map<string, Habilitation[]>> {
  const ids = [...new Set(enfantIds)];
  const reponses =
    ids.length === 0
      ? []
      : await db().contactEnfant.findMany({
          where: { enfantId: { in: ids } },
          select: {
            enfantId: true,
            autoriseRecuperer: true,
            contact: {
              select: { prenom: true, nom: true, lien: true, telephonePortable: true, telephoneDomicile: true },
            },
          },
          orderBy: [{ contact: { nom: "asc" } }, { contact: { prenom: "asc" } }],
        });
  return new Map(
    ids.map((enfantId) => [
      enfantId,
      reponses
        .filter((r) => r.enfantId === enfantId)
        .map(({ contact: c, autoriseRecuperer }) => ({
          nom: `${c.prenom} ${c.nom.toUpperCase()}`,
          lien: c.lien,
          telephone: c.telephonePortable ?? c.telephoneDomicile ?? null,
          autorise: autoriseRecuperer,
        }))
        .sort((a, b) => Number(b.autorise) - Number(a.autorise)),
    ]),
  );
}
