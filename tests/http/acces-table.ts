// The access matrix's table of pages and route handlers (tests/http/acces.test.ts): every route of the build,
// by who may reach it. The server actions' rows are in acces-table-actions.ts; what the rows name (the first
// family's demande, child, invoice, mandate…) is built by acces-fixtures.ts.
import type { Agent } from "@/lib/generated/prisma/client";
import type { Famille } from "./fixtures";

export type Contexte = {
  /** with the number of an invoice of its own (factureNumero) and a payment recorded at the régie */
  a: Famille & { factureNumero: string };
  paiementId: string;
  agent: Agent;
  admin: Agent;
  actualiteId: string;
  /** a booking window collecting (its console page, its public page) */
  fenetreId: number;
  activiteId: number;
  /** a unit of the activity the first family's child is accepted in (a day to book in a réservation) */
  uniteId: number;
  anneeId: number;
  /** an invoice of the first family */
  numeroFacture: string;
  /** the reçu of the first family's payment */
  recuNumero: string;
  /** a PES bordereau holding the first family's invoice, the PES settings filled */
  bordereauId: string;
  /** the RUM of the first family's SEPA mandate */
  rum: string;
  /** a debit run sent as a pain.008 file (no debit in it: its file is what the route answers) */
  runId: string;
};

// ——— The table: every route (here) and every action (acces-table-actions.ts), by who may reach it ———

export type AccesRoute =
  /** anyone (the public pages, login and account creation, the anti-bot challenge, the health check) */
  | "publique"
  /** 404 for everyone (the preview mailbox, which does not exist once SMTP_URL is set) */
  | "absente"
  /** a citizen's page: anonymous to /connexion, an agent 404 */
  | "usager"
  /** a citizen's page about the first family: also 404 for the second family, 200 for the first */
  | "famille"
  /** a file of the first family: 404 for anonymous and the second family; 200 for the family and an agent */
  | "fichier"
  /** a PDF of the caller's own household (no id in its path): 404 for anonymous and agents, 200 for a citizen */
  | "pdf-usager"
  /** a PDF of the first family (an invoice): also 404 for the second family */
  | "pdf-famille"
  /** a PDF of the console: 404 for anonymous and citizens, 200 for an agent */
  | "pdf-agent"
  /** a PDF of the console with a family's bank details (a SEPA mandate): also 403 for an AGENT, 200 for an ADMIN */
  | "pdf-admin"
  /** the upload route (POST): 404 for anonymous and agents, a French refusal for a citizen's empty form */
  | "televersement"
  /** the pointage's marks (POST, JSON): 404 for anonymous and citizens, a French refusal for an agent's empty body */
  | "marques"
  /** the second-factor pages: a citizen 404, anonymous to /agent/connexion */
  | "session-agent"
  /** a console page: anonymous to /agent/connexion, a citizen 404, an AGENT 200 */
  | "agent"
  /** an administrators' page: also 403 for an AGENT, 200 for an ADMIN */
  | "admin"
  /**
   * a console page with health data: also 403 for an agent without the access an administrator gives
   * (SANTE), whatever its role; 200 for an agent given it
   */
  | "sante"
  /** a file of the console with health data (a signed PAI): 404 for anonymous and citizens, 403 for an agent
   * without the access to health data, 200 for an agent given it */
  | "fichier-sante";

/**
 * `chemin`: the path asked (a pattern's parameters filled); `statut`: what a public route answers anyone (200);
 * `proprietaire`: what the first family gets on its own page (200; 307 where the page sends it on, which
 * still tells its own child or demande from another family's).
 */
type LigneRoute = {
  acces: AccesRoute;
  chemin?: (c: Contexte) => string;
  statut?: number;
  proprietaire?: number;
  /** what an ADMIN gets on an administrators' page (200; 404 for the preview's page outside a preview) */
  administrateur?: number;
};

export const ROUTES: Record<string, LigneRoute> = {
  // Served from the cache (lib/coquille.ts): each optional catch-all renders only its page's own path, and
  // proxy.ts answers 404 below it; `/` is served by /_accueil.
  "/_accueil/[[...coquille]]": { acces: "publique", chemin: () => "/" },
  "/accessibilite/[[...coquille]]": { acces: "publique", chemin: () => "/accessibilite" },
  "/activites/[[...coquille]]": { acces: "publique", chemin: () => "/activites" },
  "/actualites/[[...coquille]]": { acces: "publique", chemin: () => "/actualites" },
  "/cgu/[[...coquille]]": { acces: "publique", chemin: () => "/cgu" },
  "/documents-utiles/[[...coquille]]": { acces: "publique", chemin: () => "/documents-utiles" },
  "/infos-pratiques/[[...coquille]]": { acces: "publique", chemin: () => "/infos-pratiques" },
  "/mentions-legales/[[...coquille]]": { acces: "publique", chemin: () => "/mentions-legales" },
  "/reglement-interieur/[[...coquille]]": { acces: "publique", chemin: () => "/reglement-interieur" },
  "/connexion/[[...coquille]]": { acces: "publique", chemin: () => "/connexion" },
  "/espace-supprime/[[...coquille]]": { acces: "publique", chemin: () => "/espace-supprime" },
  "/icon.svg": { acces: "publique" },
  // FranceConnect's answer for an identity no space knows: without that identity in the draft, back to login
  "/connexion/franceconnect": { acces: "publique", statut: 307 },
  "/agent/connexion": { acces: "publique" },
  // a booking window's dates, priorities and draw, as the parents' banner links to it: nothing about a family
  "/periodes-de-reservation/[id]": { acces: "publique", chemin: (c) => `/periodes-de-reservation/${c.fenetreId}` },
  "/activation/[token]": { acces: "publique", chemin: () => "/activation/inconnu" },
  "/activation/renvoyer": { acces: "publique" },
  "/creer-mon-espace": { acces: "publique" },
  // without a draft, back to the wizard's start
  "/creer-mon-espace/[etape]": { acces: "publique", chemin: () => "/creer-mon-espace/cgu", statut: 307 },
  "/creer-mon-espace/confirmation": { acces: "publique" },
  "/mot-de-passe-oublie": { acces: "publique" },
  "/mot-de-passe-oublie/[token]": { acces: "publique", chemin: () => "/mot-de-passe-oublie/inconnu" },
  "/api/altcha": { acces: "publique" },
  "/api/health": { acces: "publique" },
  // the framework's floor of the bench (scripts/bench/pages.ts): a dynamic page with neither session nor query
  "/plancher-cadre": { acces: "publique" },
  // which space the session opens (for the cached login page), nothing about who
  "/api/session": { acces: "publique" },
  "/api/sante": { acces: "publique" },
  // next-auth's routes (FranceConnect, the agents' SSO): its CSRF token, the one any sign-in starts with
  "/api/auth/[...nextauth]": { acces: "publique", chemin: () => "/api/auth/csrf" },
  // no logo uploaded, no such document: the same 404 for everyone
  "/api/commune/logo": { acces: "publique", statut: 404 },
  "/api/documents-utiles/[id]": { acces: "publique", chemin: () => "/api/documents-utiles/inconnu", statut: 404 },
  // Address suggestions: families and agents only (401 otherwise), they spend the portal's quota.
  "/api/adresses": { acces: "publique", chemin: () => "/api/adresses?q=route", statut: 401 },
  "/dev/mails": { acces: "absente" },

  "/mon-espace": { acces: "usager" },
  // the bench's floor (scripts/bench/pages.ts): the session check and one query of the caller's household
  "/mon-espace/plancher": { acces: "usager" },
  "/mon-profil": { acces: "usager" },
  "/mon-profil/identite": { acces: "usager" },
  "/mon-profil/mot-de-passe": { acces: "usager" },
  "/mon-profil/supprimer": { acces: "usager" },
  "/mes-informations/adresse": { acces: "usager" },
  "/mes-informations/courriel": { acces: "usager" },
  "/mes-informations/courriel/confirmer/[token]": {
    acces: "usager",
    chemin: () => "/mes-informations/courriel/confirmer/inconnu",
  },
  "/mes-informations/telephones": { acces: "usager" },
  "/mes-documents": { acces: "usager" },
  "/inscriptions": { acces: "usager" },
  "/famille/declarer": { acces: "usager" },
  "/famille/declarer/annuler": { acces: "usager" },
  "/famille/declarer/recapitulatif": { acces: "usager" },
  "/famille": { acces: "usager" },
  "/famille/enfants/ajouter": { acces: "usager" },
  "/famille/co-representant/ajouter": { acces: "usager" },
  "/famille/co-representant/retirer": { acces: "usager" },
  "/demandes/[numero]": { acces: "famille", chemin: (c) => `/demandes/${c.a.numero}` },
  "/demandes/[numero]/enregistree": { acces: "famille", chemin: (c) => `/demandes/${c.a.numero}/enregistree` },
  "/demandes/[numero]/annuler": { acces: "famille", chemin: (c) => `/demandes/${c.a.numero}/annuler` },
  "/demandes/suivi/[token]": {
    acces: "famille",
    chemin: (c) => `/demandes/suivi/${c.a.suivi}`,
    proprietaire: 307,
  },
  "/famille/enfants/[enfant]/sante": { acces: "famille", chemin: (c) => `/famille/enfants/${c.a.enfantId}/sante` },
  "/famille/enfants/[enfant]/sante/mettre-a-jour": {
    acces: "famille",
    chemin: (c) => `/famille/enfants/${c.a.enfantId}/sante/mettre-a-jour`,
  },
  "/famille/enfants/[enfant]/sante/recapitulatif": {
    acces: "famille",
    chemin: (c) => `/famille/enfants/${c.a.enfantId}/sante/recapitulatif`,
    proprietaire: 307,
  },
  "/famille/enfants/[enfant]/sante/pai/fichier": {
    acces: "pdf-famille",
    chemin: (c) => `/famille/enfants/${c.a.enfantId}/sante/pai/fichier`,
  },
  "/famille/enfants/[enfant]/sante/annuler": {
    acces: "famille",
    chemin: (c) => `/famille/enfants/${c.a.enfantId}/sante/annuler`,
    proprietaire: 307,
  },
  "/inscriptions/[id]": { acces: "famille", chemin: (c) => `/inscriptions/${c.a.inscriptionId}` },
  "/inscriptions/[id]/recapitulatif": {
    acces: "famille",
    chemin: (c) => `/inscriptions/${c.a.inscriptionId}/recapitulatif`,
    proprietaire: 307,
  },
  "/inscriptions/[id]/annuler": { acces: "famille", chemin: (c) => `/inscriptions/${c.a.inscriptionId}/annuler` },
  "/famille/enfants/[enfant]/reservations": {
    acces: "famille",
    chemin: (c) => `/famille/enfants/${c.a.enfantId}/reservations`,
  },
  "/famille/reservations": { acces: "usager" },
  // the places offered to the caller's own families only: nothing of another family to name in the address
  "/famille/reservations/propositions": { acces: "usager" },
  "/famille/enfants/[enfant]/absences": {
    acces: "famille",
    chemin: (c) => `/famille/enfants/${c.a.enfantId}/absences`,
  },
  "/famille/enfants/[enfant]/transport": {
    acces: "famille",
    chemin: (c) => `/famille/enfants/${c.a.enfantId}/transport`,
  },
  // the family's calendar feed: its page, a child's .ics (of the caller's family only), the feed behind its secret
  "/famille/agenda": { acces: "usager" },
  "/famille/quotient": { acces: "usager" },
  "/famille/contacts": { acces: "usager" },
  "/famille/enfants/[enfant]/agenda/fichier": {
    acces: "pdf-famille",
    chemin: (c) => `/famille/enfants/${c.a.enfantId}/agenda/fichier`,
  },
  "/api/agenda/[jeton]": { acces: "publique", chemin: () => "/api/agenda/inconnu", statut: 404 },
  "/factures": { acces: "usager" },
  "/factures/[numero]/pdf": { acces: "pdf-famille", chemin: (c) => `/factures/${c.numeroFacture}/pdf` },
  "/factures/[numero]": { acces: "famille", chemin: (c) => `/factures/${c.numeroFacture}` },
  "/factures/recus/[numero]/pdf": { acces: "pdf-famille", chemin: (c) => `/factures/recus/${c.recuNumero}/pdf` },
  "/factures/attestation/[annee]": { acces: "pdf-usager", chemin: () => "/factures/attestation/2026" },
  "/factures/prelevement": { acces: "usager" },
  "/factures/prelevement/[rum]/pdf": { acces: "pdf-famille", chemin: (c) => `/factures/prelevement/${c.rum}/pdf` },
  "/agent/prelevements/mandats": { acces: "admin" },
  "/agent/prelevements/mandats/[rum]/pdf": {
    acces: "pdf-admin",
    chemin: (c) => `/agent/prelevements/mandats/${c.rum}/pdf`,
  },
  "/api/pieces": { acces: "televersement" },
  "/api/pieces/[id]": { acces: "fichier", chemin: (c) => `/api/pieces/${c.a.pieceId}` },
  "/api/messages/[id]/piece": { acces: "fichier", chemin: (c) => `/api/messages/${c.a.messageId}/piece` },

  "/agent/connexion/code": { acces: "session-agent" },
  "/agent/securite": { acces: "session-agent" },
  "/agent": { acces: "agent" },
  "/agent/demandes": { acces: "agent" },
  "/agent/demandes/[numero]": { acces: "agent", chemin: (c) => `/agent/demandes/${c.a.numero}` },
  "/agent/demandes/export": { acces: "agent" },
  "/agent/familles": { acces: "agent" },
  "/agent/familles/export": { acces: "agent" },
  "/agent/familles/[id]": { acces: "agent", chemin: (c) => `/agent/familles/${c.a.familleId}` },
  "/agent/familles/[id]/corriger/[personne]": {
    acces: "agent",
    chemin: (c) => `/agent/familles/${c.a.familleId}/corriger/representant-${c.a.representantId}`,
  },
  "/agent/familles/[id]/enfants/[enfant]/sante": {
    acces: "sante",
    chemin: (c) => `/agent/familles/${c.a.familleId}/enfants/${c.a.enfantId}/sante`,
  },
  "/agent/reservations/[famille]/[enfant]": {
    acces: "agent",
    chemin: (c) => `/agent/reservations/${c.a.familleId}/${c.a.enfantId}`,
  },
  "/agent/pointage": { acces: "agent" },
  "/agent/pointage/marques": { acces: "marques" },
  "/agent/familles/[id]/enfants/[enfant]/sante/pai/fichier": {
    acces: "fichier-sante",
    chemin: (c) => `/agent/familles/${c.a.familleId}/enfants/${c.a.enfantId}/sante/pai/fichier`,
  },
  "/agent/pointage/sante/[enfant]": { acces: "sante", chemin: (c) => `/agent/pointage/sante/${c.a.enfantId}` },
  "/agent/commande-repas": { acces: "agent" },
  "/agent/commande-repas/export": { acces: "agent" },
  "/agent/commande-repas/semaine": { acces: "agent" },
  "/agent/commande-repas/semaine/export": { acces: "agent" },
  "/agent/reservations/a-valider": { acces: "agent" },
  "/agent/service-non-assure": { acces: "agent" },
  "/agent/fenetres": { acces: "agent" },
  "/agent/fenetres/nouvelle": { acces: "agent" },
  "/agent/fenetres/[id]": { acces: "agent", chemin: (c) => `/agent/fenetres/${c.fenetreId}` },
  "/agent/facturation": { acces: "agent" },
  "/agent/facturation/simulation/export": {
    acces: "agent",
    chemin: () => "/agent/facturation/simulation/export?mois=2026-09",
  },
  "/agent/facturation/factures/[numero]": {
    acces: "agent",
    chemin: (c) => `/agent/facturation/factures/${c.numeroFacture}`,
  },
  "/agent/facturation/recus/[numero]/pdf": {
    acces: "pdf-agent",
    chemin: (c) => `/agent/facturation/recus/${c.recuNumero}/pdf`,
  },
  "/agent/facturation/factures/[numero]/pdf": {
    acces: "pdf-agent",
    chemin: (c) => `/agent/facturation/factures/${c.numeroFacture}/pdf`,
  },
  "/agent/facturation/familles/[famille]": {
    acces: "agent",
    chemin: (c) => `/agent/facturation/familles/${c.a.familleId}`,
  },
  "/agent/facturation/familles/[famille]/attestation/[annee]": {
    acces: "pdf-agent",
    chemin: (c) => `/agent/facturation/familles/${c.a.familleId}/attestation/2026`,
  },
  "/agent/tarifs": { acces: "admin" },
  "/agent/prelevements": { acces: "admin" },
  "/agent/prelevements/parametres": { acces: "admin" },
  "/agent/prelevements/rejets": { acces: "admin" },
  "/agent/prelevements/runs/[id]/export": {
    acces: "admin",
    chemin: (c) => `/agent/prelevements/runs/${c.runId}/export`,
  },
  "/agent/tarifs/[annee]/[unite]": { acces: "admin", chemin: (c) => `/agent/tarifs/${c.anneeId}/${c.uniteId}` },
  "/agent/pes": { acces: "admin" },
  "/agent/pes/parametres": { acces: "admin" },
  "/agent/pes/[bordereau]": { acces: "admin", chemin: (c) => `/agent/pes/${c.bordereauId}` },
  "/agent/pes/[bordereau]/fichier": { acces: "admin", chemin: (c) => `/agent/pes/${c.bordereauId}/fichier` },
  "/agent/portail": { acces: "agent" },
  "/agent/portail/activites": { acces: "agent" },
  "/agent/portail/actualites/[id]": { acces: "agent", chemin: (c) => `/agent/portail/actualites/${c.actualiteId}` },
  "/agent/agents": { acces: "admin" },
  "/agent/agents/nouveau": { acces: "admin" },
  "/agent/agents/[id]": { acces: "admin", chemin: (c) => `/agent/agents/${c.agent.id}` },
  "/agent/parametrage": { acces: "admin" },
  "/agent/parametrage/reservations": { acces: "admin" },
  "/agent/paiements": { acces: "agent" },
  "/agent/paiements/nouveau": { acces: "agent" },
  "/agent/paiements/soldes": { acces: "agent" },
  "/agent/paiements/relances": { acces: "agent" },
  "/agent/paiements/[id]": { acces: "agent", chemin: (c) => `/agent/paiements/${c.paiementId}` },
  "/agent/paiements/export": { acces: "agent", chemin: () => "/agent/paiements/export?quoi=factures" },
  "/agent/paiements/rapprochement": { acces: "agent" },
  "/agent/paiements/rapprochement/export": {
    acces: "agent",
    chemin: () => "/agent/paiements/rapprochement/export?mois=2026-11",
  },
  "/factures/[numero]/payer": { acces: "famille", chemin: (c) => `/factures/${c.a.factureNumero}/payer` },
  "/factures/[numero]/payer/retour": {
    acces: "famille",
    chemin: (c) => `/factures/${c.a.factureNumero}/payer/retour`,
  },
  // PayFiP's notification: POST only (a GET gets 405), public, and it only ever triggers a lookup at PayFiP
  "/api/payfip/notification": { acces: "publique", statut: 405 },
  "/agent/journal": { acces: "admin" },
  "/agent/journal/export": { acces: "admin" },
  // the preview's reset: no such page on a commune's portal (PREVIEW is not set here), not even for an ADMIN
  "/agent/demonstration": { acces: "admin", administrateur: 404 },
};
