// The journal's words for the agents' day: the pointage, the services non assurés, the kitchen's orders.
import { dateHeure } from "@/lib/temps/dates";
import { compte, entre, jourLisible, type Lecteur, type Phrases } from "@/lib/domain/journal/lecteur";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";

const ETATS: Record<string, string> = {
  PRESENT: "présent",
  ABSENT: "absent",
  PRESENT_SANS_RESERVATION: "présent sans réservation",
};

/** " (Menu Classique, Bourg)" of the unit and lieu the details name. */
const ou = (d: Lecteur) => entre(" (", [d.unite(), d.lieu()].filter(Boolean).join(", ") || undefined, ")");

const motif = (d: Lecteur) => MOTIFS_NON_ASSURE[d.texte("motif") as keyof typeof MOTIFS_NON_ASSURE]?.libelle;

/** "Bourg, Hameau" of a declaration over several lieux, or of its one lieu (older entries). */
const lieux = (d: Lecteur) => d.lieux() ?? d.lieu();
const activites = (d: Lecteur) => d.activites() ?? d.activite();

function instant(v: unknown): string | undefined {
  const date = typeof v === "string" ? new Date(v) : null;
  return date && !Number.isNaN(date.getTime()) ? dateHeure(date) : undefined;
}

/** The versions a run froze: "Bourg le jeudi 17 décembre (version 2)". */
function versionsFigees(d: Lecteur): string {
  const versions = d
    .liste("versions")
    .filter((v): v is { lieuId?: number; date?: string; version?: number } => Boolean(v && typeof v === "object"));
  const liste = versions.slice(0, 4).map((v) => {
    const lieu = typeof v.lieuId === "number" ? d.noms.lieux.get(v.lieuId) : undefined;
    return `${lieu ?? "un lieu"}${entre(" le ", jourLisible(v.date))}${entre(" (version ", v.version?.toString(), ")")}`;
  });
  if (liste.length === 0) return "";
  return ` : ${liste.join(" ; ")}${versions.length > 4 ? ` ; et ${versions.length - 4} de plus` : ""}`;
}

export const PHRASES_QUOTIDIEN: Phrases = {
  "pointage.marque": {
    libelle: "Pointage d'un enfant",
    phrase: (d) => {
      const etat = ETATS[d.texte("etat") ?? ""];
      const marque = instant(d.brut("marqueLe"));
      return (
        `Pointage de ${d.enfant()}${etat ? ` « ${etat} »` : ""}${entre(" le ", d.jour("date"))}${ou(d)}` +
        entre(", marqué le ", marque) +
        (d.brut("retenue") === false ? " — non retenu : une marque plus récente l'emporte" : "")
      );
    },
  },
  "pointage.tous_presents": {
    libelle: "Tous présents",
    phrase: (d) =>
      `Tous présents${entre(" le ", d.jour("date"))}${ou(d)}${d.compte("nombre", "enfant pointé", "enfants pointés")}`,
  },
  "pointage.sante_lecture": {
    libelle: "Liste de pointage lue avec la santé",
    phrase: (d) =>
      `Liste de pointage${entre(" du ", d.jour("date"))} consultée avec les informations santé` +
      d.compte("enfants", "enfant", "enfants", " de "),
  },
  "pointage.sante_detail": {
    libelle: "Fiche santé lue au pointage",
    phrase: (d) => `Fiche santé de ${d.enfant()} consultée au pointage${entre(" (version ", d.texte("version"), ")")}`,
  },
  "service_non_assure.declare": {
    libelle: "Service non assuré déclaré",
    phrase: (d) => {
      const quoi = [activites(d), lieux(d)].filter(Boolean).join(" à ");
      const bilan = [
        d.nombre("reservations") !== undefined
          ? compte(d.nombre("reservations")!, "réservation annulée", "réservations annulées")
          : "",
        d.nombre("familles") !== undefined
          ? compte(d.nombre("familles")!, "famille prévenue", "familles prévenues")
          : "",
      ].filter(Boolean);
      return (
        `Service non assuré${entre(" (", quoi || undefined, ")")}${d.periode()}${entre(", motif ", motif(d)?.toLowerCase())}` +
        (bilan.length ? ` : ${bilan.join(", ")}` : "")
      );
    },
  },
  "service_non_assure.annule": {
    libelle: "Service non assuré annulé",
    phrase: (d) => {
      const quoi = [activites(d), lieux(d)].filter(Boolean).join(" à ");
      return (
        `Déclaration de service non assuré${entre(" (", quoi || undefined, ")")}${d.periode()} annulée` +
        d.compte("restaurees", "réservation rétablie", "réservations rétablies")
      );
    },
  },
  "commande_repas.figee": {
    libelle: "Commande des repas figée",
    phrase: (d) =>
      `Commande des repas figée${versionsFigees(d)}` +
      d.compte("courrielsTraiteur", "courriel au traiteur", "courriels au traiteur", ", "),
  },
  "commande_repas.lecture": {
    libelle: "Commande des repas consultée",
    phrase: (d) =>
      `Commande des repas${entre(" de ", d.lieu())}${entre(" du ", d.jour("date"))}${d.periode()} consultée`,
  },
};
