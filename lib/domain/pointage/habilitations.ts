// Who may pick a child up, beside its name on the day's list: the habilitations the family answered at the
// inscription (Inscription.habilitations: [{ contactId, nom, autorise }]), completed with the contact's current
// relation and phone (a contact deleted since keeps the name it had). An Interdiction is listed too, to be seen.
import { db } from "@/lib/db";

export type Habilitation = { nom: string; lien: string | null; telephone: string | null; autorise: boolean };

type Enregistree = { contactId: string; nom: string; autorise: boolean };

const lire = (valeur: unknown): Enregistree[] =>
  Array.isArray(valeur)
    ? valeur.filter(
        (h): h is Enregistree =>
          typeof h === "object" && h !== null && typeof h.contactId === "string" && typeof h.nom === "string",
      )
    : [];

/** Each child's habilitations, from the inscription's JSON (one query for all the contacts). */
export async function habilitationsDes(inscriptions: Map<string, unknown>): Promise<Map<string, Habilitation[]>> {
  const lues = new Map([...inscriptions].map(([enfantId, json]) => [enfantId, lire(json)]));
  const ids = [...new Set([...lues.values()].flatMap((hs) => hs.map((h) => h.contactId)))];
  const contacts = new Map(
    ids.length === 0
      ? []
      : (
          await db().contact.findMany({
            where: { id: { in: ids } },
            select: { id: true, prenom: true, nom: true, lien: true, telephonePortable: true, telephoneDomicile: true },
          })
        ).map((c) => [c.id, c]),
  );
  return new Map(
    [...lues].map(([enfantId, hs]) => [
      enfantId,
      hs
        .map((h) => {
          const c = contacts.get(h.contactId);
          return {
            nom: c ? `${c.prenom} ${c.nom.toUpperCase()}` : h.nom,
            lien: c?.lien ?? null,
            telephone: c?.telephonePortable ?? c?.telephoneDomicile ?? null,
            autorise: h.autorise === true,
          };
        })
        .sort((a, b) => Number(b.autorise) - Number(a.autorise)),
    ]),
  );
}
