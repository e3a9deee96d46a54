// The « Ajout d'un enfant » démarche of a validated family (lib/domain/famille/ajouter-enfant.ts deposits it): the
// child typed with the declaration's own fields and rules (a newborn included), checked by the agents, and made
// a child of the family when they accept: its Enfant (or the child already known in the other parent's family,
// garde alternée), and each of the family's contacts with their family-wide answers for it (pickups, urgence).
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { familleDuDemandeur } from "@/lib/domain/famille/demandeur";
import { jourIso } from "@/lib/champs";
import { formatParis } from "@/lib/temps/dates";
import { de } from "@/lib/texte/elision";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { creerAdresse, donneesEnfant } from "@/lib/domain/famille/creer";
import {
  enfantsDejaConnus,
  noterDecisions,
  verifierRattachements,
  type EnfantConnu,
} from "@/lib/domain/famille/garde-alternee";
import { enfantSchema, nomDePersonne, SEXES, type EnfantSaisi } from "@/lib/domain/famille/schemas";
import type { Demande } from "@/lib/generated/prisma/client";

/** The child's id in the demande's data (the garde alternée's `enfantRef`): one child per demande. */
export const REF_ENFANT = "enfant";

/** What the demande holds: the child as typed, field by field (the declaration's draft shape). */
export type DonneesAjoutEnfant = { enfant: Record<string, string> };

export function lireAjoutEnfant(donnees: unknown): Record<string, string> {
  const parsed = z.object({ enfant: z.record(z.string(), z.string()) }).safeParse(donnees ?? {});
  return parsed.success ? parsed.data.enfant : {};
}

/** The child, complete, or null. */
export function enfantDeLaDemande(donnees: unknown): EnfantSaisi | null {
  const parsed = enfantSchema.safeParse(lireAjoutEnfant(donnees));
  return parsed.success ? parsed.data : null;
}

function recap(demande: Demande): SectionRecap[] {
  const v = lireAjoutEnfant(demande.donnees);
  const jour = v.dateNaissance ? jourIso(v.dateNaissance) : null;
  const adresse =
    v.memeAdresse === "on" ? "Celle de la famille" : [v.adresseNumero, v.adresseVoie, v.codePostal, v.ville];
  return [
    {
      titre: `Enfant : ${nomDePersonne("enfant", v)}`,
      lignes: [
        { libelle: "Sexe", valeur: SEXES[v.sexe as keyof typeof SEXES] ?? null },
        { libelle: "Nom", valeur: v.nom ?? null },
        { libelle: "Prénom(s)", valeur: v.prenoms ?? null },
        { libelle: "Date de naissance", valeur: jour ? formatParis(jour, "dd/MM/yyyy") : null },
        { libelle: "Lieu de naissance", valeur: v.lieuNaissance || null },
        {
          libelle: "Adresse",
          valeur: typeof adresse === "string" ? adresse : adresse.filter(Boolean).join(" ") || null,
        },
      ],
    },
  ];
}

/** A known child (garde alternée) with the same match key, outside this family. */
async function candidats(client: Pick<Tx, "enfant" | "familleEnfant">, demande: Demande) {
  const v = lireAjoutEnfant(demande.donnees);
  const connus = await enfantsDejaConnus(client, [{ ...v, id: REF_ENFANT }]);
  const memes = connus.get(REF_ENFANT) ?? [];
  if (!demande.familleId || memes.length === 0) return new Map<string, EnfantConnu[]>();
  const dejaLa = await client.familleEnfant.findMany({
    where: { familleId: demande.familleId, enfantId: { in: memes.map((m) => m.id) } },
    select: { enfantId: true },
  });
  const autres = memes.filter((m) => !dejaLa.some((d) => d.enfantId === m.id));
  return new Map<string, EnfantConnu[]>(autres.length ? [[REF_ENFANT, autres]] : []);
}

export const DEMARCHE_AJOUT_ENFANT = {
  type: "AJOUT_ENFANT",
  libelle: "Ajout d'un enfant",
  domaine: "Enfance",
  demandeDe: "d'ajout d'un enfant",
  donnees: { version: 1, schema: z.object({ enfant: z.record(z.string(), z.string()) }) },
  verifierDepot(donnees) {
    if (!enfantDeLaDemande(donnees))
      throw new AppError(
        "incomplete",
        "Les informations de l'enfant sont incomplètes : corrigez-les avant de valider.",
      );
  },
  async rapprochements(demande) {
    const trouves = await candidats(db(), demande);
    const memes = trouves.get(REF_ENFANT);
    return memes
      ? [{ enfantRef: REF_ENFANT, declare: nomDePersonne("enfant", lireAjoutEnfant(demande.donnees)), connus: memes }]
      : [];
  },
  accepter: (tx, demande, { rattachements }) => accepterAjoutEnfant(tx, demande, rattachements ?? {}),
  recap: { usager: async (demande) => recap(demande), agent: async (demande) => recap(demande) },
} satisfies DefinitionDemarche & { type: "AJOUT_ENFANT" };

/**
 * The agents accept: the child joins the family (created, or the known child the agent chose), and each contact
 * of the family gets, for this child, the answers it gave for the family (so the pickups apply to it too).
 */
export async function accepterAjoutEnfant(
  tx: Tx,
  demande: Demande,
  rattachements: Record<string, string>,
): Promise<string> {
  const enfant = enfantDeLaDemande(demande.donnees);
  if (!enfant || !demande.familleId)
    throw new AppError("incomplete", "Cette demande ne contient pas un enfant complet : demandez un complément.");
  const familleId = await familleDuDemandeur(tx, demande);
  const trouves = await candidats(tx, demande);
  verifierRattachements(rattachements, trouves);
  const connu = rattachements[REF_ENFANT];
  let enfantId: string;
  if (connu) {
    await tx.familleEnfant.create({ data: { familleId, enfantId: connu } });
    enfantId = connu;
  } else {
    const cree = await tx.enfant.create({
      data: {
        ...donneesEnfant(enfant),
        adresseId: enfant.adresse ? await creerAdresse(tx, enfant.adresse) : null,
        familles: { create: { familleId } },
      },
      select: { id: true },
    });
    enfantId = cree.id;
  }
  await noterDecisions(tx, demande.id, rattachements, trouves);
  const contacts = await tx.contact.findMany({
    where: { familleId },
    select: { id: true, autoriseRecuperer: true, aPrevenir: true },
  });
  await tx.contactEnfant.createMany({
    data: contacts.map((c) => ({
      contactId: c.id,
      enfantId,
      autoriseRecuperer: c.autoriseRecuperer,
      aPrevenir: c.aPrevenir,
    })),
    skipDuplicates: true,
  });
  return `${enfant.prenoms} fait maintenant partie de votre famille : vous pouvez l'inscrire aux activités et compléter le dossier santé ${de(enfant.prenoms)} depuis Mon accueil.`;
}
