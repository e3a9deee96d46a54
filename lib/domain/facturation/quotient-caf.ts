// The QF read from the CAF or the MSA through API Particulier (lib/api-particulier/client.ts), with the family's
// consent only: Famille.consentementQfLe null means no call is ever made, whoever asks (parent, agent, job).
// A value read is kept as a dated QuotientFamilial from the 1st of the current month (Europe/Paris), source CAF or
// MSA, with its modality and the month the provider gave; the QF that covered that day is closed the day before.
// The same value from the same provider again makes no new row: the row already there takes the new month.
// The journal holds the value and the provider, never the identity asked with (nor any token).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal, type JournalEvent } from "@/lib/journal";
import {
  ErreurApiParticulier,
  quotientParFranceConnect,
  quotientParIdentite,
  type IdentiteQuotient,
  type QuotientLu,
  type ReglagesApiParticulier,
} from "@/lib/api-particulier/client";
import type { ModaliteQuotient } from "@/lib/generated/prisma/client";
import { ajouterJours, dateDeJour, jourParis } from "@/lib/temps/jours";

/** Who asked: a parent of the family, an agent, or the monthly job. */
export type Demandeur = { kind: "USAGER"; id: string } | { kind: "AGENT"; id: string } | { kind: "SYSTEME" };

const acteur = (par: Demandeur): Pick<JournalEvent, "actorKind" | "actorId"> =>
  par.kind === "SYSTEME" ? { actorKind: "SYSTEME" } : { actorKind: par.kind, actorId: par.id };

export const sansConsentement = () =>
  new AppError(
    "sans_consentement",
    "La famille n'a pas autorisé la commune à consulter son quotient familial auprès de la CAF ou de la MSA.",
  );

/** The 1st of the month `now` is in, in Europe/Paris (a Jour). */
export const premierDuMois = (now: Date) => `${jourParis(now).slice(0, 7)}-01`;

/** The titulaire's identity as API Particulier's identity modality asks it, or the field that is missing. */
export async function identiteDuTitulaire(
  familleId: string,
): Promise<{ identite: IdentiteQuotient } | { manque: "codeInsee" | "naissance" }> {
  const titulaire = await db().representant.findFirst({
    where: { familleId, role: "TITULAIRE" },
    select: {
      civilite: true,
      nomUsage: true,
      nomFamille: true,
      prenom: true,
      dateNaissance: true,
      codeInseeNaissance: true,
      usager: { select: { dateNaissance: true } },
    },
  });
  const naissance = titulaire?.dateNaissance ?? titulaire?.usager?.dateNaissance;
  if (!titulaire || !naissance) return { manque: "naissance" };
  const code = titulaire.codeInseeNaissance;
  if (!code) return { manque: "codeInsee" };
  const jour = naissance.toISOString().slice(0, 10);
  return {
    identite: {
      nomNaissance: (titulaire.nomFamille || titulaire.nomUsage).trim(),
      prenoms: titulaire.prenom.trim().split(/\s+/),
      sexe: titulaire.civilite === "MADAME" ? "F" : "M",
      anneeNaissance: Number(jour.slice(0, 4)),
      moisNaissance: Number(jour.slice(5, 7)),
      ...(code.startsWith("99") ? { codeInseePaysNaissance: code } : { codeInseeCommuneNaissance: code }),
    },
  };
}

/** Keeps a value read (see the header); returns whether a new row was made. */
async function garder(
  tx: Tx,
  familleId: string,
  lu: QuotientLu,
  modalite: ModaliteQuotient,
  now: Date,
): Promise<{ nouveau: boolean; quotientId: string }> {
  const debut = dateDeJour(premierDuMois(now));
  const actuel = await tx.quotientFamilial.findFirst({
    where: { familleId, du: { lte: debut }, OR: [{ au: null }, { au: { gte: debut } }] },
    orderBy: [{ du: "desc" }, { creeLe: "desc" }],
  });
  if (actuel && actuel.valeur === lu.valeur && actuel.source === lu.fournisseur) {
    await tx.quotientFamilial.update({
      where: { id: actuel.id },
      data: { modalite, annee: lu.annee, mois: lu.mois },
    });
    return { nouveau: false, quotientId: actuel.id };
  }
  // the QF that ran on (open, or past the 1st) ends the day before; one that starts on the 1st itself stays, the
  // newer row wins that day (the latest start date, then the latest created)
  await tx.quotientFamilial.updateMany({
    where: { familleId, du: { lt: debut }, OR: [{ au: null }, { au: { gte: debut } }] },
    data: { au: dateDeJour(ajouterJours(premierDuMois(now), -1)) },
  });
  const cree = await tx.quotientFamilial.create({
    data: {
      familleId,
      valeur: lu.valeur,
      du: debut,
      source: lu.fournisseur,
      modalite,
      annee: lu.annee,
      mois: lu.mois,
    },
  });
  return { nouveau: true, quotientId: cree.id };
}

export type ResultatLecture = QuotientLu & { nouveau: boolean };

/**
 * Reads the family's QF from API Particulier and keeps it. `accessToken` (the parent's FranceConnect token, for
 * this request only): the FranceConnect modality; otherwise the titulaire's identity (`codeInsee` fills in the
 * titulaire's INSEE code of birth when the agent typed it). Refused without the family's consent, before any call.
 */
export async function lireQuotientCaf({
  familleId,
  par,
  reglages,
  now,
  accessToken,
  codeInsee,
}: {
  familleId: string;
  par: Demandeur;
  reglages: ReglagesApiParticulier;
  now: Date;
  accessToken?: string;
  codeInsee?: string;
}): Promise<ResultatLecture | null> {
  const famille = await db().famille.findUnique({ where: { id: familleId }, select: { consentementQfLe: true } });
  if (!famille) return null;
  if (!famille.consentementQfLe) throw sansConsentement();
  if (codeInsee) {
    await db().representant.updateMany({
      where: { familleId, role: "TITULAIRE" },
      data: { codeInseeNaissance: codeInsee },
    });
  }
  let lu: QuotientLu;
  const modalite: ModaliteQuotient = accessToken ? "FRANCECONNECT" : "IDENTITE";
  try {
    if (accessToken) {
      lu = await quotientParFranceConnect(reglages, accessToken);
    } else {
      const identite = await identiteDuTitulaire(familleId);
      if ("manque" in identite) {
        throw new AppError(
          identite.manque,
          identite.manque === "codeInsee"
            ? "Indiquez le code INSEE de la commune de naissance du titulaire."
            : "La date de naissance du titulaire manque : la CAF ne peut pas être interrogée.",
          identite.manque === "codeInsee" ? "codeInsee" : undefined,
        );
      }
      lu = await quotientParIdentite(reglages, identite.identite);
    }
  } catch (error) {
    if (error instanceof ErreurApiParticulier) {
      await journal(db(), {
        event: "facturation.quotient_caf_echec",
        ...acteur(par),
        details: { famille: familleId, modalite, erreur: error.type, statut: error.statut, code: error.code },
      });
    }
    throw error;
  }
  return db().$transaction(async (tx) => {
    const { nouveau, quotientId } = await garder(tx, familleId, lu, modalite, now);
    await journal(tx, {
      event: "facturation.quotient_caf",
      ...acteur(par),
      details: {
        famille: familleId,
        quotient: quotientId,
        valeur: lu.valeur,
        fournisseur: lu.fournisseur,
        modalite,
        mois: `${lu.annee}-${String(lu.mois).padStart(2, "0")}`,
        nouveau,
      },
    });
    return { ...lu, nouveau };
  });
}
