// The journal's words for what concerns a family: its demandes and their pièces, its children's health data
// read, its absences, the bookings an agent changed for it.
import { compte, entre, jourLisible, type Lecteur, type Phrases } from "@/lib/domain/journal/lecteur";
import { PIECES } from "@/lib/domain/inscription/regles";
import type { Transition } from "@/lib/domain/demande/transitions";

/** Each transition of a demande as its journal says it (« Demande n° 12 acceptée (…) »). */
const TRANSITIONS: Record<Transition, [libelle: string, participe: string]> = {
  deposer: ["Demande déposée", "déposée"],
  redeposer: ["Demande complétée et redéposée", "complétée et redéposée"],
  annuler: ["Demande annulée par la famille", "annulée par la famille"],
  instruire: ["Demande prise en charge", "prise en charge"],
  demanderComplement: ["Complément demandé", "renvoyée à la famille pour complément"],
  accepter: ["Demande acceptée", "acceptée"],
  refuser: ["Demande refusée", "refusée"],
  classer: ["Demande classée", "classée"],
  expirer: ["Demande expirée", "expirée"],
  annulerAvecFamille: ["Demande annulée avec sa famille", "annulée avec sa famille"],
};

const demandes: Phrases = Object.fromEntries(
  Object.entries(TRANSITIONS).map(([transition, [libelle, participe]]) => [
    `demande.${transition}`,
    { libelle, phrase: (d: Lecteur) => `Demande ${d.demande(participe)}` },
  ]),
);

const ROLES_PERSONNE: Record<string, string> = {
  titulaire: "le titulaire",
  coRepresentant: "le second représentant",
  enfant: "un enfant",
  contact: "un contact",
};

type JourChange = { date: string; uniteId?: number; reservee: boolean; horsDelai?: boolean };

function joursChanges(d: Lecteur): JourChange[] {
  return d
    .liste("jours")
    .filter((j): j is JourChange => Boolean(j && typeof j === "object" && "date" in j && "reservee" in j));
}

/** « jeudi 17 décembre (Menu Classique) annulée hors délai » */
function jourChange(d: Lecteur, j: JourChange): string {
  const unite = typeof j.uniteId === "number" ? d.noms.unites.get(j.uniteId) : undefined;
  return `${jourLisible(j.date) ?? "un jour"}${entre(" (", unite, ")")} ${j.reservee ? "réservée" : "annulée"}${j.horsDelai ? " hors délai" : ""}`;
}

/**
 * An agent's change to a child's bookings: one day in a sentence (« Réservation du jeudi 17 décembre (Menu
 * Classique) annulée pour Louise ETCHART hors délai »), several as a count and their first days.
 */
function reservationsAgent(d: Lecteur): string {
  const inscription = d.noms.inscriptions.get(d.texte("inscriptionId") ?? "");
  const enfant = d.enfant("enfantId", inscription?.enfantId);
  d.famille();
  const jours = joursChanges(d);
  if (jours.length === 1) {
    const [j] = jours as [JourChange];
    const unite = typeof j.uniteId === "number" ? d.noms.unites.get(j.uniteId) : undefined;
    return (
      `Réservation du ${jourLisible(j.date) ?? "jour"}${entre(" (", unite, ")")} ${j.reservee ? "enregistrée" : "annulée"}` +
      ` pour ${enfant}${j.horsDelai ? " hors délai" : ""}`
    );
  }
  const activite = d.activite() ?? (inscription ? d.noms.activites.get(inscription.activiteId) : undefined);
  const parts = [
    d.nombre("reservees") ? compte(d.nombre("reservees")!, "jour réservé", "jours réservés") : "",
    d.nombre("annulees") ? compte(d.nombre("annulees")!, "jour annulé", "jours annulés") : "",
  ].filter(Boolean);
  const horsDelai = d.nombre("horsDelai");
  const liste = jours.slice(0, 4).map((j) => jourChange(d, j));
  return (
    `Réservations de ${enfant}${entre(" (", activite, ")")} modifiées par un agent` +
    (parts.length ? ` : ${parts.join(", ")}` : "") +
    (horsDelai ? `, dont ${horsDelai} hors délai` : "") +
    (liste.length ? ` — ${liste.join(" ; ")}${jours.length > 4 ? ` ; et ${jours.length - 4} de plus` : ""}` : "")
  );
}

export const PHRASES_FAMILLES: Phrases = {
  ...demandes,
  "demande.brouillon_abandonne": {
    libelle: "Brouillon de demande abandonné",
    phrase: () => "Brouillon de demande abandonné par la famille",
  },
  "demande.message": {
    libelle: "Message sur une demande",
    phrase: (d) =>
      `${d.vrai("interne") ? "Note interne" : "Message à la famille"} sur ${d.laDemande()}` +
      (d.vrai("piece") ? ", avec une pièce jointe" : ""),
  },
  "demande.piece_consultee": {
    libelle: "Pièce d'un message consultée",
    phrase: () => "Pièce jointe d'un message consultée",
  },
  "piece.consultee": { libelle: "Pièce consultée", phrase: () => "Pièce justificative consultée" },
  "piece.deposee": {
    libelle: "Pièce déposée",
    phrase: (d) => `Pièce justificative déposée${entre(" (", PIECES[d.texte("type") as keyof typeof PIECES], ")")}`,
  },
  "piece.verifiee": {
    libelle: "Pièce vérifiée",
    phrase: (d) => `Pièce de ${d.laDemande()} marquée « Vérifiée »`,
  },
  "piece.non_verifiee": {
    libelle: "Pièce remise à vérifier",
    phrase: (d) => `Pièce de ${d.laDemande()} remise « À vérifier »`,
  },
  "famille.corrigee": {
    libelle: "Famille corrigée",
    phrase: (d) => {
      const n = d.liste("changements").length;
      const qui = ROLES_PERSONNE[d.texte("role") ?? ""];
      return (
        `Fiche de ${d.famille()} corrigée` +
        (qui ? ` pour ${qui}` : "") +
        (n ? ` (${compte(n, "champ modifié", "champs modifiés")})` : "")
      );
    },
  },
  "dossier_sante.lecture": {
    libelle: "Lecture d'un dossier santé",
    phrase: (d) => `Dossier santé de ${d.enfant()} consulté` + (d.brut("numero") ? ` sur ${d.laDemande()}` : ""),
  },
  "dossier_sante.pai_consulte": {
    libelle: "PAI signé consulté",
    phrase: (d) => `PAI signé de ${d.enfant()} consulté` + (d.brut("numero") ? ` sur ${d.laDemande()}` : ""),
  },
  "dossier_sante.version": {
    libelle: "Dossier santé validé",
    phrase: (d) => `Dossier santé de ${d.enfant()} mis à jour${entre(" (version ", d.texte("version"), ")")}`,
  },
  "inscription.pai_consulte": {
    libelle: "Demande de PAI consultée",
    phrase: (d) => `Demande de PAI consultée sur ${d.laDemande()}`,
  },
  "absence.declaree": {
    libelle: "Absence déclarée",
    phrase: (d) => `Absence ${d.demande("déclarée")}${d.compte("jours", "jour")}`,
  },
  "absence.malade_ce_matin": {
    libelle: "Absence « malade ce matin » déclarée",
    phrase: (d) => `Absence « malade ce matin » ${d.demande("déclarée")}${d.compte("jours", "jour")}`,
  },
  "absence.justificatif": {
    libelle: "Justificatif d'absence déposé",
    phrase: (d) => `Justificatif déposé pour ${d.laDemande()}`,
  },
  "absence.expiree": {
    libelle: "Absence refusée faute de justificatif",
    phrase: (d) => `Absence ${d.demande("refusée")} : justificatif non reçu dans le délai`,
  },
  "agenda.lien_renouvele": {
    libelle: "Lien de l'agenda renouvelé",
    phrase: (d) => `Lien de l'agenda de ${d.famille()} renouvelé : l'ancien ne fonctionne plus`,
  },
  "usager.rappel_cloture": {
    libelle: "Rappel avant clôture activé ou désactivé",
    phrase: (d) => `Rappel par courriel avant une clôture des réservations ${d.vrai("actif") ? "activé" : "désactivé"}`,
  },
  "reservations.agent": { libelle: "Réservations modifiées par un agent", phrase: reservationsAgent },
  "reservations.validation": {
    libelle: "Réservations validées ou refusées",
    phrase: (d) => {
      const parts = [
        d.nombre("reservees") ? compte(d.nombre("reservees")!, "réservée") : "",
        d.nombre("enAttente") ? `${d.nombre("enAttente")} en liste d'attente` : "",
        d.nombre("refusees") ? compte(d.nombre("refusees")!, "refusée") : "",
      ].filter(Boolean);
      return `Demandes de réservation ${d.texte("decision") === "refuser" ? "refusées" : "validées"}${parts.length ? ` : ${parts.join(", ")}` : ""}`;
    },
  },
};
