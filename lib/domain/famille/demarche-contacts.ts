// The « Contacts et habilitations » démarche (lib/domain/famille/demander-contacts.ts deposits it): the family's
// whole new list of persons (existing contacts by id, new ones without), each with its answers per child; the
// recap says what changes against the list as it stood at the deposit; accepting applies the list
// (lib/domain/famille/appliquer-contacts.ts). A refusal changes nothing.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { familleDuDemandeur } from "@/lib/domain/famille/demandeur";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { appliquerContacts } from "@/lib/domain/famille/appliquer-contacts";
import { nomComplet, telephones } from "@/lib/domain/famille/contacts";
import { personneSchema, type EnfantNomme, type Personne } from "@/lib/domain/famille/contacts-saisie";
import type { Demande } from "@/lib/generated/prisma/client";

const donneesSchema = z.object({
  /** the family's children at the deposit (for the recap's names) */
  enfants: z.array(z.object({ id: z.string(), prenoms: z.string() })),
  /** the list as it stood at the deposit */
  avant: z.array(personneSchema),
  /** the whole new list */
  contacts: z.array(personneSchema),
});

export type DonneesContacts = z.infer<typeof donneesSchema>;

export function lireDonneesContacts(donnees: unknown): DonneesContacts | null {
  const lues = donneesSchema.safeParse(donnees);
  return lues.success ? lues.data : null;
}

const personneEnLigne = (p: Personne) => `${nomComplet(p)} (${p.lien}, ${telephones(p)})`;

const identiteChangee = (a: Personne, b: Personne) =>
  (["prenom", "nom", "lien", "telephonePortable", "telephoneDomicile"] as const).some((k) => a[k] !== b[k]);

const reponseEnMots = (p: Personne | undefined, enfantId: string) => {
  const r = p?.enfants[enfantId];
  if (!r) return "—";
  return `${r.autoriseRecuperer ? "Autorisé" : "Interdit"}${r.aPrevenir ? ", à prévenir en cas d'urgence" : ""}`;
};

/** What changes: persons added, changed, removed; then per child, each person's answer (and the former one). */
export function recapContacts(donnees: DonneesContacts): SectionRecap[] {
  const avant = new Map(donnees.avant.flatMap((p) => (p.id ? [[p.id, p] as const] : [])));
  const gardes = new Set(donnees.contacts.map((p) => p.id));
  const ajouts = donnees.contacts.filter((p) => !p.id || !avant.has(p.id));
  const modifies = donnees.contacts.filter((p) => p.id && avant.has(p.id) && identiteChangee(avant.get(p.id)!, p));
  const retraits = donnees.avant.filter((p) => !gardes.has(p.id));
  return [
    {
      titre: "Personnes ajoutées",
      liste: ajouts.map(personneEnLigne),
      vide: "Aucune personne ajoutée.",
    },
    {
      titre: "Personnes modifiées",
      liste: modifies.map((p) => `${personneEnLigne(p)} — avant : ${personneEnLigne(avant.get(p.id!)!)}`),
      vide: "Aucune personne modifiée.",
    },
    { titre: "Personnes retirées", liste: retraits.map(personneEnLigne), vide: "Aucune personne retirée." },
    ...donnees.enfants.map((enfant: EnfantNomme) => ({
      titre: `Habilitations — ${enfant.prenoms}`,
      lignes: donnees.contacts.map((p) => {
        const maintenant = reponseEnMots(p, enfant.id);
        const ancien = p.id && avant.has(p.id) ? reponseEnMots(avant.get(p.id), enfant.id) : null;
        return {
          libelle: `Venir chercher l'enfant — ${nomComplet(p)}`,
          valeur: ancien !== null && ancien !== maintenant ? `${maintenant} (avant : ${ancien})` : maintenant,
        };
      }),
      vide: "Aucune personne autre que les représentants.",
    })),
  ];
}

function recap(demande: Demande): SectionRecap[] {
  const donnees = lireDonneesContacts(demande.donnees);
  return donnees
    ? recapContacts(donnees)
    : [{ titre: "Contacts et habilitations", texte: ["Les données de cette demande sont illisibles."] }];
}

export const DEMARCHE_CONTACTS_HABILITATIONS = {
  type: "CONTACTS_HABILITATIONS",
  libelle: "Contacts et habilitations",
  domaine: "Enfance",
  demandeDe: "de mise à jour des contacts et habilitations",
  donnees: { version: 1, schema: donneesSchema },
  verifierDepot(donnees) {
    if (!lireDonneesContacts(donnees))
      throw new AppError("incomplete", "Indiquez les personnes et leurs habilitations avant de valider.");
  },
  async accepter(tx, demande) {
    const donnees = lireDonneesContacts(demande.donnees);
    if (!donnees || !demande.familleId)
      throw new AppError("incomplete", "Les données de cette demande sont illisibles.");
    await appliquerContacts(tx, await familleDuDemandeur(tx, demande), donnees.contacts);
    return "Les contacts et les habilitations de vos enfants sont enregistrés : ils s'appliquent à leurs inscriptions.";
  },
  recap: { usager: async (demande) => recap(demande), agent: async (demande) => recap(demande) },
} satisfies DefinitionDemarche & { type: "CONTACTS_HABILITATIONS" };
