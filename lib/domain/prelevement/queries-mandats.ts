// What the pages read of mandates: the parent's page (their family's mandate in force, or the mandate they are
// about to sign, in full) and the admins' list with its search and each mandate's history. A parent reads only
// their own family's; the IBAN leaves here masked, except in the PDF route (mandat-pdf.ts).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { dechiffrerIban } from "@/lib/domain/prelevement/mandat";
import { debiteur } from "@/lib/domain/prelevement/mandat-pdf";
import type { ContenuMandat } from "@/lib/domain/prelevement/mandat-texte";
import { ibanMasque } from "@/lib/argent/iban";
import { prochaineRum } from "@/lib/domain/prelevement/signer-mandat";
import type { Prisma, StatutMandat } from "@/lib/generated/prisma/client";

const client = () => db() as unknown as Tx;

/** The settings, and whether families may sign (prélèvement offered and the ICS set). */
export async function offrePrelevement() {
  const p = await db().parametresPrelevement.findUnique({ where: { id: 1 } });
  return { ouvert: !!p?.actif && !!p.ics, parametres: p };
}

/**
 * The parent's page for one of their families: the mandate in force (active or suspended) with its masked IBAN,
 * or the text of the mandate they would sign (the RUM it will carry, the creditor, the debtor). Null when the
 * family is not theirs.
 */
export async function pagePrelevement(usagerId: string, familleId: string) {
  const qui = await debiteur(client(), familleId, usagerId);
  if (!qui) return null;
  const { ouvert, parametres } = await offrePrelevement();
  const mandat = await db().mandatSepa.findFirst({
    where: { familleId, statut: { in: ["ACTIF", "SUSPENDU"] } },
    include: { versions: { orderBy: { numero: "desc" }, take: 1 } },
  });
  const version = mandat?.versions[0];
  const enVigueur =
    mandat && version
      ? {
          rum: mandat.rum,
          statut: mandat.statut,
          signeLe: mandat.signeLe,
          version: version.numero,
          modifieLe: version.signeLe,
          titulaire: version.titulaire,
          iban: ibanMasque(dechiffrerIban(version)),
        }
      : null;
  const texte: ContenuMandat | null =
    parametres && ouvert
      ? {
          creancierNom: parametres.creancierNom,
          creancierAdresse: parametres.creancierAdresse,
          ics: parametres.ics,
          rum: enVigueur?.rum ?? (await prochaineRum(client(), familleId)),
          debiteurNom: qui.nom,
          debiteurAdresse: qui.adresse,
          delaiPrenotificationJours: parametres.delaiPrenotificationJours,
          jourPrelevement: parametres.jourPrelevement,
          versionTexte: parametres.versionTexte,
        }
      : null;
  return { ouvert, enVigueur, texte };
}

export const PAR_PAGE_MANDATS = 50;

/** The admins' list: by family name (a representant's), RUM or clé enfance as typed, and state. */
export async function listeMandats({ q, statut, page = 1 }: { q?: string; statut?: StatutMandat; page?: number }) {
  const terme = q?.trim();
  const where: Prisma.MandatSepaWhereInput = {
    ...(statut ? { statut } : {}),
    ...(terme
      ? {
          OR: [
            { rum: { contains: terme, mode: "insensitive" } },
            { famille: { cleEnfance: { equals: terme.toUpperCase() } } },
            { famille: { representants: { some: { nomUsage: { contains: terme, mode: "insensitive" } } } } },
          ],
        }
      : {}),
  };
  const [total, mandats] = await Promise.all([
    db().mandatSepa.count({ where }),
    db().mandatSepa.findMany({
      where,
      orderBy: { signeLe: "desc" },
      skip: (page - 1) * PAR_PAGE_MANDATS,
      take: PAR_PAGE_MANDATS,
      include: {
        famille: {
          select: {
            cleEnfance: true,
            representants: { where: { role: "TITULAIRE" }, select: { prenom: true, nomUsage: true } },
          },
        },
        versions: { orderBy: { numero: "desc" }, take: 1, select: { numero: true, ibanFin: true, titulaire: true } },
        historique: { orderBy: { creeLe: "asc" } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAR_PAGE_MANDATS)),
    mandats: mandats.map((m) => {
      const t = m.famille.representants[0];
      return {
        id: m.id,
        rum: m.rum,
        statut: m.statut,
        signeLe: m.signeLe,
        dernierPrelevement: m.dernierPrelevement,
        cleEnfance: m.famille.cleEnfance,
        famille: t ? `${t.prenom} ${t.nomUsage.toUpperCase()}` : "",
        version: m.versions[0]?.numero ?? 0,
        ibanFin: m.versions[0]?.ibanFin ?? "",
        titulaire: m.versions[0]?.titulaire ?? "",
        historique: m.historique.map((h) => ({
          id: h.id,
          de: h.de,
          vers: h.vers,
          motif: h.motif,
          acteur: h.acteur,
          creeLe: h.creeLe,
        })),
      };
    }),
  };
}

/** « sera prélevé le … »: the day each invoice of these families is (or was sent to be) debited, by its number. */
export async function datesDePrelevement(familleIds: string[]): Promise<Map<string, Date>> {
  const prelevements = await db().prelevement.findMany({
    where: { familleId: { in: familleIds }, statut: { in: ["PREVU", "PRESENTE"] } },
    orderBy: { creeLe: "asc" },
    select: { datePrelevement: true, facture: { select: { numero: true } } },
  });
  return new Map(prelevements.map((p) => [p.facture.numero, p.datePrelevement]));
}
