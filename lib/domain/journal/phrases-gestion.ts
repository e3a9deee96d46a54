// The journal's words for the commune's management: invoices and payments, debits, the PES, the portal's pages,
// the paramétrage of the commune and of its calendar.
import { compte, entre, type Lecteur, type Phrases } from "@/lib/domain/journal/lecteur";
import { LIBELLES_MODE } from "@/lib/domain/paiement/modes";

/** An activity's element and the ending of its participle (« Unité … renommée »). */
const SORTES: Record<string, [string, string]> = { lieu: ["Lieu", ""], groupe: ["Groupe", ""], unite: ["Unité", "e"] };
const DOCUMENTS: Record<string, string> = {
  CGU: "Conditions générales d'utilisation publiées",
  REGLEMENT_INTERIEUR: "Règlement intérieur publié",
};
const STATUTS_TITRE: Record<string, string> = {
  PRIS_EN_CHARGE: "pris en charge",
  REJETE: "rejeté",
  RECOUVRE: "recouvré",
  EMIS: "émis",
};

const sorte = (d: Lecteur): [string, string] => SORTES[d.texte("sorte") ?? ""] ?? ["Élément", ""];
const activite = (d: Lecteur) => d.activite("activite") ?? d.activite();
const deLActivite = (d: Lecteur) => entre(" de l'activité ", activite(d));
const aLActivite = (d: Lecteur) => entre(" à l'activité ", activite(d));
const mandat = (d: Lecteur) => entre(" ", d.texte("rum")) + deLaFamille(d);
/** " de la famille de Claire ETCHART" (linked) when the entry names its family, nothing otherwise. */
const deLaFamille = (d: Lecteur) => (d.brut("familleId") ? ` de ${d.famille()}` : "");
const montant = (d: Lecteur, cle = "montantCentimes") => entre(", ", d.euros(cle));

const ERREURS_CAF: Record<string, string> = {
  introuvable: "aucun dossier",
  configuration: "accès refusé à la commune",
  requete: "identité incomplète",
  limite: "trop de demandes",
  indisponible: "service indisponible",
};

/** One line that only says what was changed, for the paramétrage's pages. */
const simple = (libelle: string, phrase = libelle) => ({ libelle, phrase: () => phrase });

export const PHRASES_GESTION: Phrases = {
  "facturation.lancee": {
    libelle: "Facturation émise",
    phrase: (d) =>
      `Facturation${entre(" de ", d.mois())} émise${d.compte("factures", "facture")}${montant(d, "totalCentimes")}`,
  },
  "facturation.parametres": simple("Paramètres de facturation modifiés"),
  "facturation.avoir": {
    libelle: "Avoir émis",
    phrase: (d) =>
      `Avoir${entre(" ", d.texte("avoir"))} émis${entre(" sur la facture ", d.facture())}${deLaFamille(d)}` +
      entre(" (", d.compte("paiementsLiberes", "paiement libéré", "paiements libérés", "") || undefined, ")"),
  },
  "facturation.avoir_regularisation": {
    libelle: "Avoir de régularisation émis",
    phrase: (d) => `Avoir de régularisation${entre(" ", d.texte("avoir"))} émis pour ${d.famille()}${montant(d)}`,
  },
  "facturation.quotient": {
    libelle: "Quotient familial enregistré",
    phrase: (d) => `Quotient familial enregistré pour ${d.famille()}`,
  },
  "facturation.quotient_caf": {
    libelle: "Quotient familial lu auprès de la CAF ou de la MSA",
    phrase: (d) =>
      `Quotient familial${entre(" de ", d.nombre("valeur")?.toString(), " €")} lu${entre(" auprès de la ", d.texte("fournisseur"))} pour ${d.famille()}` +
      entre(", calculé pour ", d.mois()),
  },
  "facturation.quotient_caf_echec": {
    libelle: "Quotient familial non obtenu de la CAF ou de la MSA",
    phrase: (d) =>
      `Quotient familial de ${d.famille()} non obtenu${entre(" (", ERREURS_CAF[d.texte("erreur") ?? ""], ")")}`,
  },
  "facturation.quotient_consentement": {
    libelle: "Consultation du quotient familial autorisée",
    phrase: (d) => `Consultation du quotient familial auprès de la CAF ou de la MSA autorisée par ${d.famille()}`,
  },
  "facturation.quotient_consentement_retire": {
    libelle: "Consultation du quotient familial retirée",
    phrase: (d) => `Autorisation de consulter le quotient familial retirée par ${d.famille()}`,
  },
  "facturation.tarif": {
    libelle: "Tarif modifié",
    phrase: (d) => `Tarif${entre(" de « ", d.unite("unite"), " »")} modifié`,
  },
  "paiement.enregistre": {
    libelle: "Paiement enregistré",
    phrase: (d) => {
      const mode = LIBELLES_MODE[d.texte("mode") as keyof typeof LIBELLES_MODE];
      const famille = d.famille();
      const facture = d.facture("factureId");
      return (
        `Paiement${entre(" de ", d.euros("montantCentimes"))}${entre(" (", mode?.toLowerCase(), ")")} enregistré pour ${famille}` +
        entre(", affecté à la facture ", facture)
      );
    },
  },
  "paiement.reaffecte": {
    libelle: "Affectation d'un paiement modifiée",
    phrase: (d) => {
      const parts = d.brut("parts");
      const n = parts && typeof parts === "object" ? Object.keys(parts).length : 0;
      return `Affectation d'un paiement de ${d.famille()} modifiée${n ? ` : ${compte(n, "facture")}` : ""}`;
    },
  },
  "relances.envoyees": {
    libelle: "Relances de factures envoyées",
    phrase: (d) => `Relances envoyées${d.compte("nombre", "facture impayée", "factures impayées", " pour ")}`,
  },
  "relances.transmises": {
    libelle: "Factures transmises au trésorier",
    phrase: (d) =>
      `${d.nombre("nombre") !== undefined ? compte(d.nombre("nombre")!, "facture transmise", "factures transmises") : "Factures transmises"} au trésorier`,
  },
  "prelevement.run": {
    libelle: "Prélèvements préparés",
    phrase: (d) =>
      `Prélèvements${entre(" de ", d.mois())} préparés${d.compte("nombre", "prélèvement")}${montant(d)}` +
      (d.nombre("annules") ? ` (${compte(d.nombre("annules")!, "annulé")})` : ""),
  },
  "prelevement.parametres": simple("Paramètres de prélèvement modifiés"),
  "prelevement.fichier": {
    libelle: "Fichier de prélèvements téléchargé",
    phrase: (d) =>
      `Fichier de prélèvements téléchargé${d.compte("nombre", "prélèvement", "prélèvements", " (")}${d.nombre("nombre") !== undefined ? ")" : ""}`,
  },
  "prelevement.rejete": {
    libelle: "Prélèvement rejeté",
    phrase: (d) =>
      `Prélèvement de ${d.famille()} rejeté${entre(" (code ", d.texte("code"), ")")}` +
      (d.vrai("suspendu") ? ", prélèvements de la famille suspendus" : ""),
  },
  "mandat.signe": { libelle: "Mandat signé", phrase: (d) => `Mandat de prélèvement${mandat(d)} signé` },
  "mandat.modifie": {
    libelle: "Mandat modifié",
    phrase: (d) => `Mandat de prélèvement${mandat(d)} modifié${entre(" (version ", d.texte("version"), ")")}`,
  },
  "mandat.revoque": {
    libelle: "Mandat révoqué",
    phrase: (d) =>
      `Mandat de prélèvement${mandat(d)} révoqué${d.compte("prelevementsAnnules", "prélèvement annulé", "prélèvements annulés", " (")}${d.nombre("prelevementsAnnules") !== undefined ? ")" : ""}`,
  },
  "mandat.reactive": { libelle: "Mandat réactivé", phrase: (d) => `Mandat de prélèvement${mandat(d)} réactivé` },
  "mandat.pdf_lu": { libelle: "Mandat consulté", phrase: (d) => `Mandat de prélèvement${mandat(d)} consulté (PDF)` },
  "pes.bordereau": {
    libelle: "Bordereau PES généré",
    phrase: (d) =>
      `Bordereau PES${entre(" n° ", d.texte("numero"))}${entre(" de ", d.mois())} généré` +
      `${d.compte("factures", "facture")}${d.nombre("avoirs") ? `, ${compte(d.nombre("avoirs")!, "avoir")}` : ""}${montant(d)}`,
  },
  "pes.parametres": simple("Paramètres du PES modifiés"),
  "pes.reponse": {
    libelle: "Réponse du trésorier enregistrée",
    phrase: (d) =>
      `Réponse du trésorier enregistrée${entre(" : titre ", STATUTS_TITRE[d.texte("vers") ?? ""])}` +
      entre(" (il était ", STATUTS_TITRE[d.texte("de") ?? ""], ")"),
  },
  "pes.telecharge": simple("Fichier PES téléchargé"),
  "actualite.creee": simple("Actualité créée", "Actualité du portail créée"),
  "actualite.modifiee": simple("Actualité modifiée", "Actualité du portail modifiée"),
  "actualite.publiee": simple("Actualité publiée", "Actualité du portail publiée"),
  "actualite.retiree": simple("Actualité retirée", "Actualité du portail remise en brouillon"),
  "actualite.supprimee": simple("Actualité supprimée", "Actualité du portail supprimée"),
  "document_utile.publie": simple("Document utile publié", "Document utile publié sur le portail"),
  "document_utile.retire": simple("Document utile retiré", "Document utile retiré du portail"),
  "infos_pratiques.modifiees": simple("Infos pratiques modifiées", "Infos pratiques du portail modifiées"),
  "activite.description_modifiee": {
    libelle: "Description d'une activité modifiée",
    phrase: (d) => `Description${deLActivite(d) || " d'une activité"} modifiée`,
  },
  "activite.element_ajoute": {
    libelle: "Élément d'une activité ajouté",
    phrase: (d) => `${sorte(d)[0]}${entre(" « ", d.texte("libelle"), " »")} ajouté${sorte(d)[1]}${aLActivite(d)}`,
  },
  "activite.element_renomme": {
    libelle: "Élément d'une activité renommé",
    phrase: (d) => `${sorte(d)[0]}${deLActivite(d)} renommé${sorte(d)[1]}${entre(" en « ", d.texte("libelle"), " »")}`,
  },
  "activite.element_retire": {
    libelle: "Élément d'une activité retiré",
    phrase: (d) => `${sorte(d)[0]}${deLActivite(d)} retiré${sorte(d)[1]}`,
  },
  "activite.pieces_reglees": {
    libelle: "Pièces d'une activité réglées",
    phrase: (d) => `Pièces demandées${entre(" par l'activité ", activite(d)) || " par une activité"} réglées`,
  },
  "annee.inscriptions_ouvertes": simple("Inscriptions ouvertes", "Inscriptions de l'année scolaire ouvertes"),
  "annee.inscriptions_fermees": simple("Inscriptions fermées", "Inscriptions de l'année scolaire fermées"),
  "commune.modifiee": {
    libelle: "Paramétrage modifié",
    phrase: (d) =>
      `Paramétrage de la commune modifié${d.liste("changements").length ? ` : ${compte(d.liste("changements").length, "réglage")}` : ""}`,
  },
  "commune.logo_change": simple("Logo changé", "Logo de la commune changé"),
  "commune.logo_retire": simple("Logo retiré", "Logo de la commune retiré"),
  "document.publie": {
    libelle: "Document publié (CGU, règlement)",
    phrase: (d) =>
      `${DOCUMENTS[d.texte("type") ?? ""] ?? "Document publié"}${entre(" (version ", d.texte("version"), ")")}`,
  },
  "reservations.jours_generes": {
    libelle: "Jours d'ouverture générés",
    phrase: (d) =>
      `Jours d'ouverture${deLActivite(d)} générés${d.compte("ajoutes", "ajouté")}` +
      (d.nombre("retires") ? `, ${compte(d.nombre("retires")!, "retiré")}` : ""),
  },
  "reservations.zone": {
    libelle: "Zone scolaire changée",
    phrase: (d) => `Zone scolaire changée${entre(" : ", d.texte("avant"))}${entre(" → ", d.texte("apres"))}`,
  },
  "reservations.fermeture": {
    libelle: "Fermeture enregistrée",
    phrase: (d) =>
      `Fermeture${entre(" du ", d.jour("date"))} enregistrée${entre(" pour l'activité ", d.activite()) || " pour toutes les activités"}`,
  },
  "reservations.delais": {
    libelle: "Délais de réservation modifiés",
    phrase: (d) => `Délais de réservation et d'annulation${deLActivite(d)} modifiés`,
  },
  "reservations.annee": {
    libelle: "Année scolaire paramétrée",
    phrase: (d) =>
      `Année scolaire paramétrée${entre(" (réservations ouvertes le ", d.jour("ouvertureReservations"), ")")}`,
  },
  "reservations.jour_retire": {
    libelle: "Jour d'ouverture retiré",
    phrase: (d) =>
      `Jour du ${d.jour("date") ?? "calendrier"} retiré${deLActivite(d)}${d.compte("retires", "ouverture retirée", "ouvertures retirées")}`,
  },
  "reservations.jour_ajoute": {
    libelle: "Jour d'ouverture ajouté",
    phrase: (d) =>
      `Jour du ${d.jour("date") ?? "calendrier"} ajouté${aLActivite(d)}${d.compte("ajoutes", "ouverture ajoutée", "ouvertures ajoutées")}`,
  },
  "reservations.calendrier_importe": {
    libelle: "Calendrier scolaire importé",
    phrase: (d) =>
      `Calendrier scolaire${entre(" de la zone ", d.texte("zone"))} importé${d.compte("importees", "période", "périodes")}`,
  },
  "reservations.regles": {
    libelle: "Règles de réservation modifiées",
    phrase: (d) => `Règles de réservation${deLActivite(d)} modifiées`,
  },
};
