// « Contacts et habilitations » as the parent types it: the whole list of persons in one form, each with its
// prénom, nom, relation (lien) and phones, and for each child « Venir chercher l'enfant : Autorisation /
// Interdiction » and « À prévenir en cas d'urgence ». Fields are named per person by a key the page gives
// (`contact-<cle>-prenom`, `contact-<cle>-<enfantId>-recuperer`); the keys are listed, in order, in `contacts`.
// Read here (pure), each error in French beside its field; the démarche holds the list it gives.
import { z } from "zod";
import { nomDePersonne, requis, telephone } from "@/lib/champs";

export type Reponse = { autoriseRecuperer: boolean; aPrevenir: boolean };

export const personneSchema = z.object({
  /** an existing Contact's id; null for a person added by this demande */
  id: z.string().nullable(),
  prenom: z.string(),
  nom: z.string(),
  lien: z.string(),
  telephonePortable: z.string().nullable(),
  telephoneDomicile: z.string().nullable(),
  /** per child (its Enfant id) */
  enfants: z.record(z.string(), z.object({ autoriseRecuperer: z.boolean(), aPrevenir: z.boolean() })),
});

export type Personne = z.infer<typeof personneSchema>;

export type EnfantNomme = { id: string; prenoms: string };

export const champ = (cle: string, nom: string) => `contact-${cle}-${nom}`;
export const champEnfant = (cle: string, enfantId: string, nom: "recuperer" | "prevenir") =>
  `contact-${cle}-${enfantId}-${nom}`;

const identite = {
  prenom: nomDePersonne(100, "Indiquez le prénom de la personne."),
  nom: nomDePersonne(100, "Indiquez le nom de la personne."),
  lien: requis(60, "Indiquez le lien avec l'enfant (grand-mère, voisin…)."),
  telephonePortable: telephone("Téléphone portable"),
  telephoneDomicile: telephone("Téléphone domicile"),
};

/** The form's values as they are sent back, for a person already known (its answers per child). */
export function valeursDe(cle: string, personne: Personne): Record<string, string> {
  const valeurs: Record<string, string> = {
    [champ(cle, "id")]: personne.id ?? "",
    [champ(cle, "prenom")]: personne.prenom,
    [champ(cle, "nom")]: personne.nom,
    [champ(cle, "lien")]: personne.lien,
    [champ(cle, "telephonePortable")]: personne.telephonePortable ?? "",
    [champ(cle, "telephoneDomicile")]: personne.telephoneDomicile ?? "",
  };
  for (const [enfantId, reponse] of Object.entries(personne.enfants)) {
    valeurs[champEnfant(cle, enfantId, "recuperer")] = reponse.autoriseRecuperer ? "AUTORISE" : "INTERDIT";
    if (reponse.aPrevenir) valeurs[champEnfant(cle, enfantId, "prevenir")] = "on";
  }
  return valeurs;
}

export type SaisieContacts = { ok: true; contacts: Personne[] } | { ok: false; errors: Record<string, string> };

/**
 * The list typed: the persons kept (a person marked « retirer » is left out), each checked field by field; a
 * phone is required for a person allowed to pick a child up or to be warned, and each child needs its answer.
 */
export function lireSaisieContacts(values: Record<string, string>, enfants: EnfantNomme[]): SaisieContacts {
  const cles = (values.contacts ?? "").split(",").filter((cle) => /^[a-z0-9]{1,20}$/i.test(cle));
  const errors: Record<string, string> = {};
  const contacts: Personne[] = [];
  for (const cle of new Set(cles)) {
    if (values[champ(cle, "retirer")] === "on") continue;
    const id = values[champ(cle, "id")] || null;
    const lus: Record<string, string | undefined> = {};
    for (const [nom, schema] of Object.entries(identite)) {
      const resultat = schema.safeParse(values[champ(cle, nom)] ?? "");
      if (resultat.success) lus[nom] = resultat.data;
      else errors[champ(cle, nom)] = resultat.error.issues[0]!.message;
    }
    const reponses: Record<string, Reponse> = {};
    for (const enfant of enfants) {
      const recuperer = values[champEnfant(cle, enfant.id, "recuperer")];
      if (recuperer !== "AUTORISE" && recuperer !== "INTERDIT")
        errors[champEnfant(cle, enfant.id, "recuperer")] =
          `Choisissez Autorisation ou Interdiction pour ${enfant.prenoms}.`;
      reponses[enfant.id] = {
        autoriseRecuperer: recuperer === "AUTORISE",
        aPrevenir: values[champEnfant(cle, enfant.id, "prevenir")] === "on",
      };
    }
    const joignable = Object.values(reponses).some((r) => r.autoriseRecuperer || r.aPrevenir);
    if (joignable && !lus.telephonePortable && !lus.telephoneDomicile && !errors[champ(cle, "telephonePortable")])
      errors[champ(cle, "telephonePortable")] =
        "Indiquez au moins un téléphone : cette personne peut venir chercher un enfant ou être prévenue.";
    contacts.push({
      id,
      prenom: lus.prenom ?? "",
      nom: lus.nom ?? "",
      lien: lus.lien ?? "",
      telephonePortable: lus.telephonePortable ?? null,
      telephoneDomicile: lus.telephoneDomicile ?? null,
      enfants: reponses,
    });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, contacts };
}
