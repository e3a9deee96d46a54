// Reads of the families for the agents' console: every family of the commune, searched and shown whole.
// Only pages that called requireAgent() may use these (citizens reach their family through queries.ts).
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/domain/famille/schemas";

export const FAMILLES_PAR_PAGE = 25;

/**
 * Familles whose representants' or children's names, or clé enfance, contain every word typed (in any
 * order, case ignored), newest first, one page at a time.
 */
export async function rechercherFamilles({ q, page }: { q: string; page: number }) {
  const where = famillesDeLaRecherche(q);
  const total = await db().famille.count({ where });
  const pages = Math.max(1, Math.ceil(total / FAMILLES_PAR_PAGE));
  const courante = Math.min(Math.max(1, page), pages);
  const familles = await db().famille.findMany({
    where,
    select: {
      id: true,
      cleEnfance: true,
      createdAt: true,
      representants: { select: { role: true, prenom: true, nomUsage: true }, orderBy: { role: "asc" } },
      enfants: {
        select: { enfant: { select: { prenoms: true, nom: true } } },
        orderBy: { enfant: { dateNaissance: "asc" } },
      },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (courante - 1) * FAMILLES_PAR_PAGE,
    take: FAMILLES_PAR_PAGE,
  });
  return { familles, total, page: courante, pages };
}

function famillesDeLaRecherche(q: string): Prisma.FamilleWhereInput {
  const mots = q.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  const contient = (mot: string) => ({ contains: mot, mode: "insensitive" as const });
  return {
    AND: mots.map((mot) => ({
      OR: [
        { cleEnfance: contient(mot) },
        {
          representants: {
            some: { OR: [{ nomUsage: contient(mot) }, { nomFamille: contient(mot) }, { prenom: contient(mot) }] },
          },
        },
        { enfants: { some: { enfant: { OR: [{ nom: contient(mot) }, { prenoms: contient(mot) }] } } } },
      ],
    })),
  };
}

/** Every family of the search for the CSV export, oldest first: one line per family, its people in columns. */
export async function famillesAExporter(q: string) {
  return db().famille.findMany({
    where: famillesDeLaRecherche(q),
    select: {
      cleEnfance: true,
      createdAt: true,
      representants: {
        select: {
          role: true,
          civilite: true,
          prenom: true,
          nomUsage: true,
          courriel: true,
          telephonePortable: true,
          adresse: { select: { numero: true, voie: true, codePostal: true, ville: true } },
        },
        orderBy: { role: "asc" },
      },
      enfants: {
        select: { enfant: { select: { prenoms: true, nom: true, dateNaissance: true } } },
        orderBy: { enfant: { dateNaissance: "asc" } },
      },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Everything about one family on one screen: its people, its demandes and the pieces of their Échanges. */
export async function ficheFamille(id: string) {
  const famille = await db().famille.findUnique({
    where: { id },
    include: {
      representants: {
        include: { adresse: true, usager: { select: { identifiant: true, courriel: true } } },
        orderBy: { role: "asc" },
      },
      enfants: {
        include: {
          enfant: {
            include: {
              adresse: true,
              // in garde alternée, the child's other family
              familles: {
                where: { familleId: { not: id } },
                select: {
                  famille: {
                    select: {
                      id: true,
                      cleEnfance: true,
                      representants: { where: { role: "TITULAIRE" }, select: { prenom: true, nomUsage: true } },
                    },
                  },
                },
              },
            },
          },
        },
        orderBy: { enfant: { dateNaissance: "asc" } },
      },
      contacts: { orderBy: [{ nom: "asc" }, { prenom: "asc" }] },
    },
  });
  if (!famille) return null;
  // The family's own demandes, and those of the spaces linked to it (the Ajout de famille was made before
  // the family existed, later ones by either representant).
  const espaces = famille.representants.flatMap((r) => (r.usagerId ? [r.usagerId] : []));
  const demandes = await db().demande.findMany({
    where: { statut: { not: "BROUILLON" }, OR: [{ familleId: id }, { usagerId: { in: espaces } }] },
    select: {
      id: true,
      numero: true,
      type: true,
      statut: true,
      deposeeAt: true,
      messages: {
        where: { pieceKey: { not: null } },
        select: {
          id: true,
          pieceNom: true,
          pieceType: true,
          pieceTaille: true,
          auteur: true,
          auteurNom: true,
          interne: true,
          createdAt: true,
        },
        orderBy: { createdAt: "asc" },
      },
    },
    orderBy: { numero: "desc" },
  });
  return { ...famille, demandes };
}

// ——— One person of a family, as the correction form shows it ———

/** "representant-<id>", "enfant-<id>" or "contact-<id>": which person of the family a correction is about. */
export type Cible = { kind: "representant" | "enfant" | "contact"; id: string };

export function lireCible(value: string): Cible | null {
  const match = /^(representant|enfant|contact)-([0-9a-f-]{36})$/.exec(value);
  return match ? { kind: match[1] as Cible["kind"], id: match[2]! } : null;
}
export const cibleTexte = (cible: Cible) => `${cible.kind}-${cible.id}`;

const jour = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const texte = (value: string | null | undefined) => value ?? "";

function valeursAdresse(adresse: Prisma.AdresseGetPayload<object> | null): Record<string, string> {
  if (!adresse) return {};
  return {
    adresseNumero: texte(adresse.numero),
    adresseVoie: adresse.voie,
    adresseBatiment: texte(adresse.batiment),
    adresseAppartement: texte(adresse.appartement),
    adresseComplement: texte(adresse.complement),
    codePostal: adresse.codePostal,
    ville: adresse.ville,
    pays: adresse.pays,
    codeInsee: texte(adresse.codeInsee),
  };
}

export type Personne = {
  cible: Cible;
  /** the declaration's role, whose schema and fields apply */
  role: Role;
  nom: string;
  /** the form's values, as the declaration's form names them */
  valeurs: Record<string, string>;
  adresseId: string | null;
  /** the titulaire's address: a co-représentant "at the same address" points to it */
  adresseFamilleId: string;
};

/**
 * The person of that family, in the declaration's form values, or null when the person is not of that
 * family (whatever id was sent). The correction command reads it again inside its transaction.
 */
export async function personneDeLaFamille(
  familleId: string,
  cible: Cible,
  client: Tx = db(),
): Promise<Personne | null> {
  const titulaire = await client.representant.findFirst({
    where: { familleId, role: "TITULAIRE" },
    select: { adresseId: true },
  });
  if (!titulaire) return null;
  const adresseFamilleId = titulaire.adresseId;
  if (cible.kind === "representant") {
    const r = await client.representant.findFirst({ where: { id: cible.id, familleId }, include: { adresse: true } });
    if (!r) return null;
    const meme = r.role === "CO_REPRESENTANT" && r.adresseId === adresseFamilleId;
    return {
      cible,
      role: r.role === "TITULAIRE" ? "titulaire" : "coRepresentant",
      nom: `${r.prenom} ${r.nomUsage.toUpperCase()}`,
      adresseId: r.adresseId,
      adresseFamilleId,
      valeurs: {
        civilite: r.civilite,
        nomUsage: r.nomUsage,
        nomFamille: texte(r.nomFamille),
        prenom: r.prenom,
        dateNaissance: jour(r.dateNaissance),
        communeNaissance: texte(r.communeNaissance),
        departementNaissance: texte(r.departementNaissance),
        paysNaissance: texte(r.paysNaissance),
        telephoneDomicile: texte(r.telephoneDomicile),
        telephonePortable: texte(r.telephonePortable),
        courriel: texte(r.courriel),
        profession: texte(r.profession),
        employeur: texte(r.employeur),
        telephonePro: texte(r.telephonePro),
        modaliteContact: texte(r.modaliteContact),
        qualite: r.qualite,
        autoriteParentale: r.autoriteParentale ? "oui" : "non",
        ...(meme ? { memeAdresse: "on" } : valeursAdresse(r.adresse)),
      },
    };
  }
  if (cible.kind === "enfant") {
    const e = await client.enfant.findFirst({
      where: { id: cible.id, familles: { some: { familleId } } },
      include: { adresse: true },
    });
    if (!e) return null;
    return {
      cible,
      role: "enfant",
      nom: `${e.prenoms} ${e.nom.toUpperCase()}`,
      adresseId: e.adresseId,
      adresseFamilleId,
      valeurs: {
        sexe: e.sexe,
        nom: e.nom,
        prenoms: e.prenoms,
        dateNaissance: jour(e.dateNaissance),
        lieuNaissance: texte(e.lieuNaissance),
        ...(e.adresse ? valeursAdresse(e.adresse) : { memeAdresse: "on" }),
      },
    };
  }
  const c = await client.contact.findFirst({ where: { id: cible.id, familleId } });
  if (!c) return null;
  return {
    cible,
    role: "contact",
    nom: `${c.prenom} ${c.nom.toUpperCase()}`,
    adresseId: null,
    adresseFamilleId,
    valeurs: {
      nom: c.nom,
      prenom: c.prenom,
      lien: c.lien,
      telephonePortable: texte(c.telephonePortable),
      telephoneDomicile: texte(c.telephoneDomicile),
      aPrevenir: c.aPrevenir ? "on" : "",
      autoriseRecuperer: c.autoriseRecuperer ? "on" : "",
    },
  };
}
