// What Mon accueil's child cards say of "Gérer mes réservations": the current school year's opening date
// (AnneeScolaire.ouvertureReservations, the one rule lib/domain/calendrier/periode.ts reads) and which
// children of the household have an accepted inscription to book under.
import { db } from "@/lib/db";
import { jourParis, dateDeJour } from "@/lib/temps/jours";
import { ouvertureDansLaPhrase, reservationsOuvertes } from "@/lib/domain/calendrier/periode";

export type EtatReservations = { ouvertes: boolean; texte: string; enfants: Set<string> };

export async function reservationsDeLaFamille(familleId: string, now: Date): Promise<EtatReservations | null> {
  // the year and the household's inscriptions in it, in one statement (relationJoins)
  const annee = await db().anneeScolaire.findFirst({
    where: { dateFin: { gte: dateDeJour(jourParis(now)) } },
    orderBy: { dateDebut: "asc" },
    select: {
      libelle: true,
      ouvertureReservations: true,
      inscriptions: { where: { familleId, statut: "ACTIVE" }, select: { enfantId: true } },
    },
  });
  if (!annee) return null;
  const ouvertes = reservationsOuvertes(annee, now);
  const inscriptions = ouvertes ? annee.inscriptions : [];
  return {
    ouvertes,
    texte: ouvertes
      ? `Réservations ${annee.libelle} ouvertes`
      : `Réservations ${annee.libelle} ${ouvertureDansLaPhrase(annee, now)}`,
    enfants: new Set(inscriptions.map((i) => i.enfantId)),
  };
}
