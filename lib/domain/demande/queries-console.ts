// Reads of the agents' console. Agents reach every deposited demande (never a parent's draft, which is not
// sent yet); these are the only reads the console pages make.
import { db } from "@/lib/db";
import { debutDuJourParis } from "@/lib/temps/dates";
import { normaliserCleEnfance } from "@/lib/cle-enfance";
import type { Demarches, DemarchesConnues } from "@/lib/domain/demande/demarche";
import { STATUTS } from "@/lib/domain/demande/transitions";
import type { Prisma, StatutDemande, TypeDemande } from "@/lib/generated/prisma/client";

export const PAR_PAGE = 25;

/** Every demande an agent may see: deposited at least once. */
const DEPOSEES: Prisma.DemandeWhereInput = { statut: { not: "BROUILLON" }, numero: { not: null } };

const LIGNE = {
  id: true,
  numero: true,
  type: true,
  statut: true,
  deposeeAt: true,
  decideeAt: true,
  usager: { select: { prenoms: true, nomUsage: true } },
  instructeur: { select: { prenom: true, nom: true } },
} satisfies Prisma.DemandeSelect;

export type LigneDemande = Prisma.DemandeGetPayload<{ select: typeof LIGNE }>;

/** Tableau de bord: counts per type and state, the queue "À traiter" and the agent's own instructions. */
export async function tableauDeBord(agentId: string) {
  const [comptes, aTraiter, mesInstructions] = await Promise.all([
    db().demande.groupBy({ by: ["type", "statut"], where: DEPOSEES, _count: { _all: true } }),
    // a redeposited demande comes back to DEPOSEE with its new deposit date: it waits its turn again
    db().demande.findMany({
      where: { ...DEPOSEES, statut: "DEPOSEE" },
      select: LIGNE,
      orderBy: [{ deposeeAt: "asc" }, { numero: "asc" }],
      take: 50,
    }),
    db().demande.findMany({
      where: { ...DEPOSEES, statut: "EN_INSTRUCTION", instructeurId: agentId },
      select: LIGNE,
      orderBy: [{ deposeeAt: "asc" }, { numero: "asc" }],
    }),
  ]);
  const nbATraiter = comptes.filter((c) => c.statut === "DEPOSEE").reduce((total, c) => total + c._count._all, 0);
  return {
    comptes: comptes.map((c) => ({ type: c.type, statut: c.statut, nombre: c._count._all })),
    aTraiter,
    nbATraiter,
    mesInstructions,
  };
}

export type FiltresDemandes = {
  type?: TypeDemande;
  statut?: StatutDemande;
  /** deposit dates, inclusive, as calendar days in Europe/Paris */
  du?: Date;
  au?: Date;
  q?: string;
  page: number;
};

/** The list of /agent/demandes: filters, the search, one page of PAR_PAGE (newest deposit first). */
export async function rechercherDemandes(filtres: FiltresDemandes) {
  const where = await demandesDuFiltre(filtres);
  const total = await db().demande.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAR_PAGE));
  // a bookmarked page beyond the end (demandes decided since) shows the last one
  const page = Math.min(filtres.page, pages);
  const demandes = await db().demande.findMany({
    where,
    select: LIGNE,
    orderBy: [{ deposeeAt: "desc" }, { numero: "desc" }],
    skip: (page - 1) * PAR_PAGE,
    take: PAR_PAGE,
  });
  return { demandes, total, page, pages };
}

/** The demandes of the filter, whatever the page: the list shows one page, the CSV export all of them. */
async function demandesDuFiltre(filtres: Omit<FiltresDemandes, "page">): Promise<Prisma.DemandeWhereInput> {
  return {
    AND: [
      DEPOSEES,
      filtres.type ? { type: filtres.type } : {},
      filtres.statut ? { statut: filtres.statut } : {},
      filtres.du || filtres.au
        ? { deposeeAt: { ...(filtres.du ? { gte: filtres.du } : {}), ...(filtres.au ? { lt: filtres.au } : {}) } }
        : {},
      filtres.q ? await recherche(filtres.q) : {},
    ],
  };
}

/** An export holds at most this many rows (a commune's several years of demandes). */
export const DEMANDES_EXPORT_MAX = 50_000;

/** Every demande of the filter for the CSV export, newest deposit first, with the family's clé enfance. */
export async function demandesAExporter(filtres: Omit<FiltresDemandes, "page">) {
  return db().demande.findMany({
    where: await demandesDuFiltre(filtres),
    select: { ...LIGNE, famille: { select: { cleEnfance: true } } },
    orderBy: [{ deposeeAt: "desc" }, { numero: "desc" }],
    take: DEMANDES_EXPORT_MAX,
  });
}

/** The number ("73", "N° 73"), a name of the demandeur or of anyone declared, or the family's clé enfance. */
async function recherche(saisie: string): Promise<Prisma.DemandeWhereInput> {
  const texte = saisie.trim();
  const numero = /^(?:n°\s*)?(\d{1,9})$/i.exec(texte)?.[1];
  const cle = normaliserCleEnfance(texte);
  const contient = { contains: texte, mode: "insensitive" } as const;
  return {
    OR: [
      ...(numero ? [{ numero: Number(numero) }] : []),
      ...(cle ? [{ famille: { cleEnfance: cle } }] : []),
      { usager: { nomUsage: contient } },
      { usager: { prenoms: contient } },
      { usager: { nomNaissance: contient } },
      { enfant: { OR: [{ prenoms: contient }, { nom: contient }] } },
      { id: { in: await demandesParNomDeclare(texte) } },
    ],
  };
}

/** The names typed in a declaration (titulaire, co-représentant, children, contacts) live in its JSON data. */
async function demandesParNomDeclare(texte: string): Promise<string[]> {
  const motif = `%${texte.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT d.id FROM "Demande" d
    WHERE d.statut <> 'BROUILLON' AND EXISTS (
      SELECT 1 FROM (
        SELECT d.donnees->'titulaire' AS p
        UNION ALL SELECT d.donnees->'coRepresentant'
        UNION ALL SELECT jsonb_array_elements(CASE WHEN jsonb_typeof(d.donnees->'enfants') = 'array' THEN d.donnees->'enfants' ELSE '[]'::jsonb END)
        UNION ALL SELECT jsonb_array_elements(CASE WHEN jsonb_typeof(d.donnees->'contacts') = 'array' THEN d.donnees->'contacts' ELSE '[]'::jsonb END)
      ) personnes
      WHERE concat_ws(' ', p->>'prenom', p->>'prenoms', p->>'nomUsage', p->>'nomFamille', p->>'nom') ILIKE ${motif}
    )`;
  return rows.map((row) => row.id);
}

/**
 * Everything about one demande on one screen: its data, the thread (internal notes too), history, family, and
 * the children its démarche asks the agent to match (the registry, lib/domain/demarches.ts, says which).
 */
export async function demandePourAgent(numero: number, demarches: Demarches) {
  const demande = await db().demande.findFirst({
    where: { ...DEPOSEES, numero },
    include: {
      usager: true,
      instructeur: { select: { prenom: true, nom: true } },
      historique: { orderBy: { id: "asc" } },
      messages: { orderBy: { createdAt: "asc" } },
      famille: {
        select: {
          cleEnfance: true,
          representants: {
            orderBy: { role: "asc" },
            select: {
              id: true,
              role: true,
              civilite: true,
              prenom: true,
              nomUsage: true,
              nomFamille: true,
              dateNaissance: true,
              courriel: true,
              telephonePortable: true,
              usagerId: true,
            },
          },
        },
      },
    },
  });
  if (!demande) return null;
  const rapprochements = (await demarches[demande.type].rapprochements?.(demande)) ?? [];
  return { ...demande, rapprochements };
}

export type DemandeAgent = NonNullable<Awaited<ReturnType<typeof demandePourAgent>>>;

/** The states an agent may filter by: every state of the engine but a parent's draft, which agents never see. */
export const STATUTS_VISIBLES: readonly StatutDemande[] = STATUTS.filter((statut) => statut !== "BROUILLON");

/**
 * The list's query string (a GET form, so a filtered list can be bookmarked), read leniently: a bad value is
 * named. The types are the registry's (`demarches`, lib/domain/demarches.ts), as the form's options are.
 */
export function lireFiltres(
  params: Record<string, string | string[] | undefined>,
  demarches: DemarchesConnues,
): {
  filtres: FiltresDemandes;
  valeurs: Record<string, string>;
  erreurs: Record<string, string>;
} {
  const valeurs: Record<string, string> = {};
  for (const cle of ["type", "statut", "du", "au", "q", "page"]) {
    const valeur = params[cle];
    valeurs[cle] = (Array.isArray(valeur) ? valeur[0] : valeur)?.trim().slice(0, 100) ?? "";
  }
  const erreurs: Record<string, string> = {};
  const jour = (cle: "du" | "au", lendemain: number) => {
    if (!valeurs[cle]) return undefined;
    const date = debutDuJourParis(valeurs[cle]!, 0) && debutDuJourParis(valeurs[cle]!, lendemain);
    if (!date) erreurs[cle] = "Indiquez une date au format JJ/MM/AAAA.";
    return date ?? undefined;
  };
  const filtres: FiltresDemandes = {
    type: Object.hasOwn(demarches, valeurs.type!) ? (valeurs.type as TypeDemande) : undefined,
    statut: (STATUTS_VISIBLES as readonly string[]).includes(valeurs.statut!)
      ? (valeurs.statut as StatutDemande)
      : undefined,
    du: jour("du", 0),
    // "au 31/01" includes the whole of that day
    au: jour("au", 1),
    q: valeurs.q || undefined,
    page: /^\d{1,6}$/.test(valeurs.page!) && Number(valeurs.page) > 0 ? Number(valeurs.page) : 1,
  };
  if (filtres.du && filtres.au && filtres.au <= filtres.du) erreurs.au = "La date de fin doit suivre la date de début.";
  return { filtres, valeurs, erreurs };
}

/** The id of a deposited demande, for the console's actions (which receive only its number). */
export async function demandeIdPourAgent(numero: number): Promise<string | null> {
  if (!Number.isSafeInteger(numero)) return null;
  return (await db().demande.findFirst({ where: { ...DEPOSEES, numero }, select: { id: true } }))?.id ?? null;
}
