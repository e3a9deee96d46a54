// The journal's words for logins, agents' accounts and parents' spaces: one sentence per kind of entry.
import { dateHeure } from "@/lib/temps/dates";
import { compte, entre, type Lecteur, type Phrases } from "@/lib/domain/journal/lecteur";

const ROLES: Record<string, string> = { ADMIN: "administrateur", AGENT: "agent" };
const role = (v: string | undefined) => (v ? (ROLES[v] ?? "agent") : undefined);

const SECOND_FACTEUR: Record<string, string> = {
  totp: " avec un code de double authentification",
  secours: " avec un code de secours",
  enrolement: " à l'activation de la double authentification",
};
const METHODE: Record<string, string> = {
  sso: " par l'authentification unique de la commune",
  franceconnect: " par FranceConnect",
};
const MOTIFS_SSO: Record<string, string> = {
  desactive: "compte désactivé",
  inconnu: "aucun compte ne correspond",
  ambigu: "plusieurs comptes correspondent",
  courriel_non_verifie: "adresse non vérifiée par le fournisseur",
  deja_lie: "compte déjà lié à une autre identité",
};

/** " jusqu'au 07/12/2026 à 14:35", or nothing for an entry without the instant. */
function jusqua(d: Lecteur): string {
  const v = d.texte("jusqua");
  const instant = v ? new Date(v) : null;
  return instant && !Number.isNaN(instant.getTime()) ? ` jusqu'au ${dateHeure(instant)}` : "";
}

/** " (2 sessions fermées)" */
const sessions = (d: Lecteur, cle = "sessionsFermees") => {
  const n = d.nombre(cle);
  return n ? ` (${compte(n, "session fermée", "sessions fermées")})` : "";
};

const sur = (d: Lecteur) => entre(" de ", d.agent());
const a = (d: Lecteur) => d.agent() ?? "un agent";

export const PHRASES_COMPTES: Phrases = {
  "connexion.reussie": {
    libelle: "Connexion",
    phrase: (d) => {
      const secours = d.nombre("codesSecoursRestants");
      const facteur =
        SECOND_FACTEUR[d.texte("secondFacteur") ?? ""] ??
        (d.texte("secondFacteur") ? " avec la double authentification" : "");
      return (
        `Connexion réussie${METHODE[d.texte("methode") ?? ""] ?? ""}${facteur}` +
        (secours === undefined ? "" : ` (${compte(secours, "code de secours restant", "codes de secours restants")})`) +
        (d.vrai("seSouvenir") ? ", appareil mémorisé 30 jours" : "")
      );
    },
  },
  "connexion.mot_de_passe_valide": {
    libelle: "Mot de passe accepté (code attendu)",
    phrase: () => "Mot de passe accepté, code de double authentification attendu",
  },
  "connexion.bloquee": {
    libelle: "Connexion bloquée",
    phrase: (d) =>
      `Connexion${d.texte("identifiant") ? ` de l'identifiant « ${d.texte("identifiant")} »` : ""} bloquée${jusqua(d)} après trop d'essais`,
  },
  "connexion.code_refuse": {
    libelle: "Code de double authentification refusé",
    phrase: () => "Code de double authentification refusé",
  },
  "connexion.code_bloque": {
    libelle: "Double authentification bloquée",
    phrase: (d) => `Double authentification bloquée${jusqua(d)} après trop de codes refusés`,
  },
  "connexion.sso_refusee": {
    libelle: "Authentification unique refusée",
    phrase: (d) =>
      `Connexion par l'authentification unique refusée (${MOTIFS_SSO[d.texte("motif") ?? ""] ?? "compte non reconnu"})`,
  },
  "connexion.sso_liee": {
    libelle: "Compte lié à l'authentification unique",
    phrase: () => "Compte lié à son identité de l'authentification unique de la commune",
  },
  "connexion.sso_valide": {
    libelle: "Authentification unique acceptée (code attendu)",
    phrase: () => "Authentification unique acceptée, code de double authentification attendu",
  },
  "agent.cree": {
    libelle: "Agent créé",
    phrase: (d) => `Agent${entre(" ", d.agent())} créé${d.texte("role") ? ` (rôle ${role(d.texte("role"))})` : ""}`,
  },
  "agent.role_change": {
    libelle: "Rôle d'un agent modifié",
    phrase: (d) =>
      `Rôle${sur(d)} changé` + (d.texte("vers") ? ` : ${role(d.texte("de")) ?? "?"} → ${role(d.texte("vers"))}` : ""),
  },
  "agent.mot_de_passe_reinitialise": {
    libelle: "Mot de passe d'un agent réinitialisé",
    phrase: (d) => `Mot de passe${sur(d)} réinitialisé${sessions(d)}`,
  },
  "agent.totp_reinitialise": {
    libelle: "Double authentification d'un agent réinitialisée",
    phrase: (d) => `Double authentification${sur(d)} réinitialisée${sessions(d)}`,
  },
  "agent.totp_active": {
    libelle: "Double authentification activée",
    phrase: () => "Double authentification activée sur son compte",
  },
  "agent.codes_secours_regeneres": {
    libelle: "Codes de secours régénérés",
    phrase: () => "Codes de secours de son compte régénérés",
  },
  "agent.desactive": {
    libelle: "Agent désactivé",
    phrase: (d) => `Agent${entre(" ", d.agent())} désactivé${sessions(d)}`,
  },
  "agent.reactive": { libelle: "Agent réactivé", phrase: (d) => `Agent${entre(" ", d.agent())} réactivé` },
  "agent.acces_sante_accorde": {
    libelle: "Accès aux dossiers santé accordé",
    phrase: (d) => `Accès aux dossiers santé accordé à ${a(d)}`,
  },
  "agent.acces_sante_retire": {
    libelle: "Accès aux dossiers santé retiré",
    phrase: (d) => `Accès aux dossiers santé retiré à ${a(d)}`,
  },
  "agent.habilitation_facturation_accordee": {
    libelle: "Habilitation à la facturation accordée",
    phrase: (d) => `Habilitation à la facturation accordée à ${a(d)}`,
  },
  "agent.habilitation_facturation_retiree": {
    libelle: "Habilitation à la facturation retirée",
    phrase: (d) => `Habilitation à la facturation retirée à ${a(d)}`,
  },
  "cle.rotation": {
    libelle: "Rotation de la clé de chiffrement",
    phrase: (d) => {
      const nombres = ["secretsTotp", "dossiersSante", "demandesSante", "commandesRepas"].map((cle) => d.nombre(cle));
      const n = nombres.reduce<number>((total, v) => total + (v ?? 0), 0);
      const illisibles = d.nombre("illisibles");
      return (
        "Clé de chiffrement renouvelée" +
        (nombres.some((v) => v !== undefined) ? ` : ${compte(n, "donnée rechiffrée", "données rechiffrées")}` : "") +
        (illisibles ? `, ${compte(illisibles, "illisible")}` : "")
      );
    },
  },
  // a parent's own space (these entries are the parent's, kept for the security reviews)
  "espace.cree": { libelle: "Espace personnel créé", phrase: () => "Espace personnel créé" },
  "espace.creation_courriel_existant": {
    libelle: "Création d'espace avec une adresse déjà inscrite",
    phrase: () => "Création d'un espace demandée avec une adresse déjà inscrite (aucun espace créé)",
  },
  "espace.active": { libelle: "Espace personnel activé", phrase: () => "Espace personnel activé" },
  "espace.lien_renvoye": { libelle: "Lien d'activation renvoyé", phrase: () => "Lien d'activation renvoyé" },
  "espace.supprime": {
    libelle: "Espace personnel supprimé",
    phrase: (d) =>
      `Espace personnel supprimé${d.nombre("demandesSupprimees") ? ` avec ${compte(d.nombre("demandesSupprimees")!, "demande")}` : ""}`,
  },
  "espace.identite_modifiee": { libelle: "Identité modifiée", phrase: () => "Identité de l'espace personnel modifiée" },
  "espace.telephones_modifies": {
    libelle: "Téléphones modifiés",
    phrase: () => "Téléphones de l'espace personnel modifiés",
  },
  "espace.adresse_modifiee": { libelle: "Adresse modifiée", phrase: () => "Adresse de l'espace personnel modifiée" },
  "courriel.changement_demande": {
    libelle: "Changement d'adresse électronique demandé",
    phrase: () => "Changement d'adresse électronique demandé (lien de confirmation envoyé)",
  },
  "courriel.changement_adresse_prise": {
    libelle: "Changement vers une adresse déjà inscrite",
    phrase: () => "Changement d'adresse électronique demandé vers une adresse déjà inscrite (refusé sans le dire)",
  },
  "courriel.modifie": { libelle: "Adresse électronique modifiée", phrase: () => "Adresse électronique modifiée" },
  "mot_de_passe.lien_envoye": {
    libelle: "Lien de mot de passe envoyé",
    phrase: () => "Lien de réinitialisation du mot de passe envoyé",
  },
  "mot_de_passe.reinitialise": {
    libelle: "Mot de passe réinitialisé",
    phrase: (d) => `Mot de passe réinitialisé par lien${sessions(d)}`,
  },
  "mot_de_passe.modifie": { libelle: "Mot de passe modifié", phrase: (d) => `Mot de passe modifié${sessions(d)}` },
  "session.appareil_oublie": {
    libelle: "Appareil mémorisé oublié",
    phrase: (d) =>
      `${d.vrai("tous") ? "Tous les appareils mémorisés oubliés" : "Appareil mémorisé oublié"}${sessions(d, "sessions")}`,
  },
  "mot_de_passe.confirmation_refusee": {
    libelle: "Mot de passe actuel refusé",
    phrase: () => "Mot de passe actuel refusé lors d'une modification",
  },
  "franceconnect.identite_inconnue": {
    libelle: "Identité FranceConnect inconnue",
    phrase: () => "Connexion FranceConnect d'une identité qu'aucun espace ne porte",
  },
  "franceconnect.associe": { libelle: "FranceConnect associé", phrase: () => "Espace associé à FranceConnect" },
  "franceconnect.dissocie": { libelle: "FranceConnect dissocié", phrase: () => "Espace dissocié de FranceConnect" },
  "famille.rattachement": {
    libelle: "Espace rattaché à une famille",
    phrase: (d) => `Espace personnel rattaché à ${d.famille()}`,
  },
};
