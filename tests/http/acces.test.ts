// The access matrix over every page, route and server action of the BUILT app, enumerated from the build's own
// manifests (.next/app-path-routes-manifest.json, .next/server/server-reference-manifest.json): a new page or
// action without a row below fails the first test, so nothing escapes it.
//
//   anonymous      -> the login page of its side (/connexion?suite=…, /agent/connexion)
//   a citizen      -> 404 on every console page and action
//   an AGENT       -> 403 on every ADMIN page and action
//   an agent       -> 404 on the citizen space's pages and actions
//   a 2nd family   -> 404 on the first family's demande, suivi link, confirmation, child's pages, files; and
//                     on the actions that name them, the answer given for a demande or child that does not exist
//
// A server action is called as Next's client calls it (POST to a page that renders it, `Next-Action: <id>`).
// Next 16 answers an action's notFound() and forbidden() with the status (404, 403) and the not-found or
// forbidden page's payload, and a redirect() with 200 and `x-action-redirect: <path>;push`. An id the server
// does not know gets 409 with `x-nextjs-action-not-found`: never taken for a 404.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { chiffrerIban } from "@/lib/domain/prelevement/mandat";
import { seedActivites } from "@/prisma/demo-activites";
import { creerActualite } from "@/lib/domain/portail/actualites";
import { changerAccesSante } from "@/lib/domain/sante/acces-agent";
import type { Agent } from "@/lib/generated/prisma/client";
import { anonyme, appelerAction, connecte, redirection, requete, type Client } from "./client";
import { actionsDuBuild, ROUTES_DU_BUILD, routesDuBuild } from "./build";
import { POLITIQUE_FICHIER } from "@/lib/storage/reponse";
import { formaterNumero, reserverNumeros } from "@/lib/argent/numerotation";
import { factureEtPaiement } from "../integration/paiement-fixtures";
import { familleComplete, nouvelAgent, type Famille } from "./fixtures";

type Contexte = {
  /** with the number of an invoice of its own (factureNumero) and a payment recorded at the régie */
  a: Famille & { factureNumero: string };
  paiementId: string;
  agent: Agent;
  admin: Agent;
  actualiteId: string;
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

// ——— The table: every route and every action, by who may reach it ———

type AccesRoute =
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
  | "sante";

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

const ROUTES: Record<string, LigneRoute> = {
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
  "/famille/enfants/[enfant]/absences": {
    acces: "famille",
    chemin: (c) => `/famille/enfants/${c.a.enfantId}/absences`,
  },
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
  "/agent/pointage/sante/[enfant]": { acces: "sante", chemin: (c) => `/agent/pointage/sante/${c.a.enfantId}` },
  "/agent/commande-repas": { acces: "agent" },
  "/agent/commande-repas/export": { acces: "agent" },
  "/agent/reservations/a-valider": { acces: "agent" },
  "/agent/service-non-assure": { acces: "agent" },
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

type AccesAction =
  /** anyone may call it (login, account creation, forgotten password, logout): its own rules apply */
  | "publique"
  /** the citizen's: anonymous to /connexion, an agent 404 */
  | "usager"
  /**
   * the citizen's, naming something of the first family (its demande, child, inscription): the second family
   * gets, word for word, the answer given for one that does not exist (the ids masked)
   */
  | "famille"
  /** the second-factor steps: a citizen 404, anonymous to /agent/connexion */
  | "session-agent"
  /** the console's: anonymous to /agent/connexion, a citizen 404 */
  | "agent"
  /** the administrators': also 403 for an AGENT */
  | "admin";

/** The state a form's first call carries (useActionState's initial state). */
const ETAT = { values: {}, errors: {} };
const formulaire = () => [ETAT, new FormData()];
/** A form's first call with these fields filled. */
const formulaireAvec = (champs: Record<string, string | number | undefined>) => {
  const donnees = new FormData();
  for (const [nom, valeur] of Object.entries(champs)) donnees.append(nom, String(valeur));
  return [ETAT, donnees];
};
const aucun = () => [];

type LigneAction = { acces: AccesAction; args: (c: Contexte) => unknown[] };

const ACTIONS: Record<string, LigneAction> = {
  "app/(auth)/connexion/actions.ts#connexion": { acces: "publique", args: formulaire },
  "app/(auth)/agent/connexion/actions.ts#connexionAgent": { acces: "publique", args: formulaire },
  "app/(auth)/activation/actions.ts#activerAction": { acces: "publique", args: formulaire },
  "app/(auth)/activation/actions.ts#renvoyerParCourriel": { acces: "publique", args: formulaire },
  "app/(auth)/activation/actions.ts#renvoyerDepuisLien": { acces: "publique", args: formulaire },
  "app/(auth)/connexion/franceconnect/actions.ts#associerAction": { acces: "publique", args: formulaire },
  "app/(auth)/creer-mon-espace/actions.ts#commencer": { acces: "publique", args: aucun },
  "app/(auth)/creer-mon-espace/actions.ts#annuler": { acces: "publique", args: aucun },
  "app/(auth)/creer-mon-espace/actions.ts#enregistrerEtape": {
    acces: "publique",
    args: () => ["cgu", ...formulaire()],
  },
  "app/(auth)/mot-de-passe-oublie/actions.ts#demanderLien": { acces: "publique", args: formulaire },
  "app/(auth)/mot-de-passe-oublie/actions.ts#choisirMotDePasse": { acces: "publique", args: formulaire },
  "app/(portail)/actions.ts#deconnexion": { acces: "publique", args: aucun },

  "app/(portail)/mes-informations/adresse/actions.ts#demanderChangementAdresseAction": {
    acces: "usager",
    args: formulaire,
  },
  "app/(portail)/mes-informations/adresse/actions.ts#modifierAdresseAction": { acces: "usager", args: formulaire },
  "app/(portail)/mes-informations/courriel/actions.ts#changerCourrielAction": { acces: "usager", args: formulaire },
  "app/(portail)/mes-informations/courriel/confirmer/[token]/actions.ts#confirmerCourrielAction": {
    acces: "usager",
    args: formulaire,
  },
  "app/(portail)/mes-informations/telephones/actions.ts#changerTelephonesAction": { acces: "usager", args: formulaire },
  "app/(portail)/mon-profil/actions.ts#saisirCleEnfanceAction": { acces: "usager", args: formulaire },
  "app/(portail)/mon-profil/franceconnect/actions.ts#dissocierFranceConnectAction": {
    acces: "usager",
    args: formulaire,
  },
  "app/(portail)/mon-profil/identite/actions.ts#modifierIdentiteAction": { acces: "usager", args: formulaire },
  "app/(portail)/mon-profil/mot-de-passe/actions.ts#changerMotDePasseAction": { acces: "usager", args: formulaire },
  "app/(portail)/mon-profil/supprimer/actions.ts#demanderSuppressionAction": { acces: "usager", args: formulaire },
  "app/(portail)/mon-profil/supprimer/actions.ts#supprimerEspaceAction": { acces: "usager", args: formulaire },
  "app/(portail)/famille/declarer/actions.ts#enregistrerDeclaration": {
    acces: "usager",
    args: () => ["titulaire", ...formulaire()],
  },
  "app/(portail)/demandes/[numero]/actions.ts#annulerDemandeAction": {
    acces: "famille",
    args: (c) => formulaireAvec({ numero: c.a.numero }),
  },
  "app/(portail)/demandes/[numero]/actions.ts#envoyerMessageAction": {
    acces: "famille",
    args: (c) => formulaireAvec({ numero: c.a.numero, message: "Bonjour" }),
  },
  // a démarche's recap and cancel buttons, on the first family's inscription draft
  "app/(portail)/demandes/actions-demarche.ts#validerDemarche": {
    acces: "famille",
    args: (c) => formulaireAvec({ demande: c.a.inscriptionId }),
  },
  "app/(portail)/demandes/actions-demarche.ts#retourEtape1Demarche": {
    acces: "famille",
    args: (c) => formulaireAvec({ demande: c.a.inscriptionId }),
  },
  "app/(portail)/demandes/actions-demarche.ts#annulerDemarche": {
    acces: "famille",
    args: (c) => formulaireAvec({ demande: c.a.inscriptionId }),
  },
  "app/(portail)/famille/enfants/[enfant]/sante/actions.ts#enregistrerDossierSante": {
    acces: "famille",
    args: (c) => [c.a.enfantId, ...formulaire()],
  },
  "app/(portail)/famille/enfants/[enfant]/reservations/actions.ts#enregistrerReservationsAction": {
    acces: "famille",
    args: (c) =>
      formulaireAvec({
        inscriptionId: c.a.inscriptionAccepteeId,
        changements: JSON.stringify([{ date: "2026-12-07", uniteId: c.uniteId, reserver: true }]),
      }),
  },
  "app/(portail)/famille/enfants/[enfant]/absences/actions.ts#declarerAbsenceAction": {
    acces: "famille",
    args: (c) => [c.a.enfantId, ...formulaireAvec({ debut: "2026-12-07", motif: "MALADIE" })],
  },
  "app/(portail)/famille/enfants/[enfant]/absences/actions.ts#maladeCeMatinAction": {
    acces: "famille",
    args: (c) => [c.a.enfantId, ...formulaire()],
  },
  "app/(portail)/famille/enfants/[enfant]/absences/actions.ts#ajouterJustificatifAction": {
    acces: "famille",
    args: (c) => [c.a.enfantId, ...formulaireAvec({ numero: c.a.numero })],
  },
  "app/(portail)/inscriptions/actions.ts#commencerInscriptionAction": {
    acces: "famille",
    args: (c) => formulaireAvec({ enfant: c.a.enfantId, activite: c.activiteId }),
  },
  "app/(portail)/inscriptions/actions.ts#enregistrerInscriptionAction": {
    acces: "famille",
    args: (c) => [c.a.inscriptionId, ...formulaire()],
  },

  "app/(auth)/agent/connexion/code/actions.ts#verifierCode": { acces: "session-agent", args: formulaire },
  "app/(auth)/agent/connexion/code/actions.ts#abandonnerConnexion": { acces: "session-agent", args: aucun },
  "app/(agent)/agent/securite/actions.ts#activerDoubleAuthentification": { acces: "session-agent", args: formulaire },
  "app/(agent)/agent/securite/actions.ts#regenererCodes": { acces: "agent", args: aucun },
  "app/(agent)/agent/actions.ts#deconnexionAgent": { acces: "agent", args: aucun },
  "app/(agent)/agent/demandes/[numero]/actions.ts#deciderAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/demandes/[numero]/actions.ts#verifierPieceAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/demandes/[numero]/actions.ts#envoyerMessageAgentAction": {
    acces: "agent",
    args: (c) => [c.a.numero, ...formulaire()],
  },
  "app/(agent)/agent/familles/[id]/corriger/[personne]/actions.ts#corrigerPersonneAction": {
    acces: "agent",
    args: formulaire,
  },
  "app/(agent)/agent/reservations/[famille]/[enfant]/actions.ts#reserverPourLaFamilleAction": {
    acces: "agent",
    args: formulaire,
  },
  "app/(agent)/agent/pointage/actions.ts#pointerAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/pointage/actions.ts#imprimerListeAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/service-non-assure/actions.ts#declarerServiceNonAssureAction": {
    acces: "agent",
    args: formulaire,
  },
  "app/(agent)/agent/service-non-assure/actions.ts#annulerServiceNonAssureAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/facturation/actions.ts#simulerFacturationAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/facturation/actions.ts#emettreFacturesAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/facturation/actions.ts#emettreAvoirAction": {
    acces: "agent",
    args: (c) => [c.numeroFacture, ...formulaire()],
  },
  "app/(agent)/agent/facturation/familles/[famille]/actions.ts#emettreAvoirRegularisationAction": {
    acces: "agent",
    args: (c) => [c.a.familleId, ...formulaire()],
  },
  "app/(agent)/agent/facturation/actions.ts#saisirQuotientAction": {
    acces: "agent",
    args: (c) => [c.a.familleId, ...formulaire()],
  },
  "app/(agent)/agent/portail/actions.ts#creerActualiteAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/portail/actions.ts#modifierActualiteAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/portail/actions.ts#changerPublicationAction": { acces: "agent", args: (c) => [c.actualiteId] },
  "app/(agent)/agent/portail/actions.ts#supprimerActualiteAction": { acces: "agent", args: (c) => [c.actualiteId] },
  "app/(agent)/agent/portail/actions.ts#ajouterDocumentUtileAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/portail/actions.ts#retirerDocumentUtileAction": { acces: "agent", args: () => ["inconnu"] },
  "app/(agent)/agent/portail/actions.ts#modifierInfosPratiquesAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/portail/activites/actions.ts#modifierDescriptionAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/portail/activites/actions.ts#ajouterElementAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/portail/activites/actions.ts#modifierElementAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/portail/activites/actions.ts#reglerPiecesAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/portail/activites/actions.ts#changerOuvertureAction": {
    acces: "agent",
    args: (c) => [c.activiteId],
  },
  "app/(portail)/factures/[numero]/payer/actions.ts#payerEnLigneAction": {
    acces: "famille",
    args: (c) => formulaireAvec({ numero: c.a.factureNumero }),
  },
  "app/(agent)/agent/paiements/actions.ts#enregistrerPaiementAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/paiements/actions.ts#affecterPaiementAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/paiements/actions.ts#envoyerRelancesAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/paiements/actions.ts#transmettreAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/agents/nouveau/actions.ts#creerAgentAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/agents/[id]/actions.ts#changerEtat": { acces: "admin", args: formulaire },
  "app/(agent)/agent/agents/[id]/actions.ts#changerRole": { acces: "admin", args: formulaire },
  "app/(agent)/agent/agents/[id]/actions.ts#reinitialiserMotDePasse": { acces: "admin", args: formulaire },
  "app/(agent)/agent/agents/[id]/actions.ts#reinitialiserTotp": { acces: "admin", args: formulaire },
  "app/(agent)/agent/agents/[id]/acces-sante.ts#changerAccesSanteAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/agents/[id]/habilitation-facturation.ts#changerHabilitationFacturationAction": {
    acces: "admin",
    args: formulaire,
  },
  "app/(agent)/agent/parametrage/actions.ts#enregistrerCommuneAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/parametrage/actions.ts#envoyerLogoAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/parametrage/actions.ts#retirerLogoAction": { acces: "admin", args: aucun },
  "app/(agent)/agent/parametrage/actions.ts#publierDocumentAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/parametrage/reservations/actions.ts#enregistrerJoursAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/parametrage/reservations/actions.ts#fermerAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/parametrage/reservations/actions.ts#modifierJourAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/parametrage/reservations/actions.ts#importerCalendrierAction": {
    acces: "admin",
    args: formulaire,
  },
  "app/(agent)/agent/parametrage/reservations/actions.ts#modifierDelaisAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/parametrage/reservations/actions.ts#modifierAnneeAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/parametrage/reservations/actions.ts#modifierReglesAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/parametrage/reservations/actions.ts#modifierZoneAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/reservations/a-valider/actions.ts#deciderReservationsAction": {
    acces: "agent",
    args: formulaire,
  },
  "app/(agent)/agent/demonstration/actions.ts#reinitialiserDemonstrationAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/tarifs/actions.ts#enregistrerTarifAction": {
    acces: "admin",
    args: (c) => [`${c.anneeId}:${c.uniteId}`, ...formulaire()],
  },
  "app/(agent)/agent/tarifs/actions.ts#modifierParametresAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/prelevements/actions.ts#voirMoisAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/pes/actions.ts#modifierParametresPesAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/pes/actions.ts#genererBordereauAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/pes/actions.ts#marquerTitreAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/pes/actions.ts#importerReponsesAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/prelevements/actions.ts#lancerRunAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/prelevements/actions.ts#modifierParametresPrelevementAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/prelevements/actions.ts#rejeterPrelevementAction": { acces: "admin", args: formulaire },
  "app/(agent)/agent/prelevements/actions.ts#importerRejetsAction": { acces: "admin", args: formulaire },
  "app/(portail)/factures/prelevement/actions.ts#signerMandatAction": { acces: "usager", args: formulaire },
  "app/(portail)/factures/prelevement/actions.ts#modifierIbanAction": { acces: "usager", args: formulaire },
  "app/(portail)/factures/prelevement/actions.ts#revoquerMandatAction": { acces: "usager", args: formulaire },
  "app/(agent)/agent/prelevements/mandats/actions.ts#changerEtatMandatAction": { acces: "admin", args: formulaire },
};

// ——— Who asks, and what they must get ———

let contexte: Contexte;
let citoyen: Client;
let autreFamille: Client;
let agent: Client;
let admin: Client;
let agentSante: Client;

beforeAll(async () => {
  await seedActivites("Villefranque");
  const activiteId = (await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } })).id;
  const garderie = await db().activite.findUniqueOrThrow({
    where: { code: "GARDERIE_PUBLIQUE" },
    include: { unites: { orderBy: { ordre: "asc" } } },
  });
  const [a, b, agentRow, adminRow] = await Promise.all([
    familleComplete("Etchart", { activiteId, reservable: garderie.id }),
    familleComplete("Duhalde"),
    nouvelAgent("AGENT"),
    nouvelAgent("ADMIN"),
  ]);
  const agentSanteRow = await nouvelAgent("AGENT");
  await changerAccesSante({ admin: adminRow, agentId: agentSanteRow.id, accorde: true });
  const { id: actualiteId } = await creerActualite({
    agentId: adminRow.id,
    saisie: { titre: "Fermeture exceptionnelle", texte: "La cantine ferme vendredi.", statut: "PUBLIEE" },
  });
  const anneeId = (await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } })).id;
  // an invoice of the first family, written as the month's run writes one
  const numeroFacture = "FA-2026-000001";
  await db().facture.create({
    data: {
      numero: numeroFacture,
      serie: "FA",
      annee: 2026,
      sequence: 1,
      familleId: a.familleId,
      periodeDebut: new Date("2026-09-01T00:00:00Z"),
      periodeFin: new Date("2026-09-30T00:00:00Z"),
      emiseLe: new Date("2026-10-01T00:00:00Z"),
      echeanceLe: new Date("2026-10-31T00:00:00Z"),
      totalCentimes: 0,
      qfNonCommunique: true,
      destinataire: "Claire ETCHART",
      adresse: "65 Route de Saint Pierre d'Irube\n64990 Villefranque",
    },
  });
  const { factureNumero, paiementId } = await factureEtPaiement(a.familleId);
  // its reçu, numbered through the série's counter as lib/domain/paiement/recu.ts does (the http files share a
  // database: a number typed here could be one another file's payment gets)
  const recuNumero = await db().$transaction(async (tx) => {
    const numero = formaterNumero("RE", 2026, await reserverNumeros(tx, "RE", 2026, 1));
    await tx.paiement.update({ where: { id: paiementId }, data: { recuNumero: numero } });
    return numero;
  });
  // a SEPA mandate of the first family, as signer-mandat.ts writes one
  const mandatId = randomUUID();
  const { rum } = await db().mandatSepa.create({
    data: { id: mandatId, rum: "PF-ACCES-1", familleId: a.familleId, signeLe: new Date("2026-11-02T09:00:00Z") },
  });
  await db().versionMandat.create({
    data: {
      mandatId,
      numero: 1,
      ibanChiffre: chiffrerIban(mandatId, "FR7630006000011234567890189"),
      ibanFin: "0189",
      titulaire: "Claire ETCHART",
      adresse: "65 Route de Saint Pierre d'Irube, 64990 Villefranque",
      usagerId: a.usager.id,
      signeLe: new Date("2026-11-02T09:00:00Z"),
      adresseIp: "203.0.113.7",
      methode: "MOT_DE_PASSE",
      versionTexte: 1,
    },
  });
  // a debit run of the pain.008 kind (the http files share a database: its MsgId is its own)
  const { id: runId } = await db().runPrelevement.create({
    data: {
      mois: new Date("2026-11-01T00:00:00Z"),
      datePrelevement: new Date("2026-12-10T00:00:00Z"),
      transmission: "FICHIER_SEPA",
      msgId: `PRLVACCES${randomUUID().replace(/-/g, "").slice(0, 20)}`,
      nombre: 0,
      montantCentimes: 0,
      creeLe: new Date(),
    },
  });
  // a PES bordereau of the first family's invoice, its numbers through the PES counters (the http files share a
  // database), and the commune's PES settings filled so its file is served
  const reglages = { idPost: "0640001", siret: "21640557500012", codCol: "064", codBud: "00", codProdLoc: "RS" };
  await db().parametresPes.upsert({ where: { id: 1 }, create: { id: 1, ...reglages }, update: reglages });
  const bordereauId = await db().$transaction(async (tx) => {
    const numero = await reserverNumeros(tx, "PESB", 2026, 1);
    const piece = await reserverNumeros(tx, "PESP", 2026, 1);
    const facture = await tx.facture.findUniqueOrThrow({ where: { numero: factureNumero } });
    const bordereau = await tx.bordereauPes.create({
      data: {
        mois: facture.periodeDebut,
        exer: 2026,
        numero,
        nomFichier: `PES_ORMC_2026_${String(numero).padStart(5, "0")}_acces.xml`,
        nombrePieces: 1,
        montantCentimes: facture.totalCentimes,
        creeLe: new Date(),
        titres: { create: { numeroPiece: piece, factureId: facture.id } },
      },
    });
    return bordereau.id;
  });
  contexte = {
    a: { ...a, factureNumero },
    paiementId,
    agent: agentRow,
    admin: adminRow,
    actualiteId,
    activiteId,
    uniteId: garderie.unites[0]!.id,
    anneeId,
    numeroFacture,
    recuNumero,
    rum,
    runId,
    bordereauId,
  };
  citoyen = await connecte({ kind: "USAGER", usagerId: a.usager.id });
  autreFamille = await connecte({ kind: "USAGER", usagerId: b.usager.id });
  agent = await connecte({ kind: "AGENT", agentId: agentRow.id });
  admin = await connecte({ kind: "AGENT", agentId: adminRow.id });
  agentSante = await connecte({ kind: "AGENT", agentId: agentSanteRow.id });
}, 120_000);

/** Ids of the first family for which no row exists: what the actions answer for those is "not found". */
const INEXISTANTS = {
  numero: 999_999_999,
  enfantId: "00000000-0000-4000-8000-00000000e4f0",
  inscriptionId: "00000000-0000-4000-8000-0000000001d5",
  inscriptionAccepteeId: "00000000-0000-4000-8000-0000000005e5",
  factureNumero: "FA-2026-999999",
};

/** An action's answer with the ids it names masked: status, redirect, and the returned value (payload row 1). */
async function reponseMasquee(response: Response, ids: (string | number | undefined)[]): Promise<string> {
  const redirige = redirection(response);
  const valeur = redirige ? "" : (await response.text()).split("\n").filter((ligne) => ligne.startsWith("1:"));
  let texte = `${response.status} ${redirige ?? ""} ${valeur}`;
  // uuids first, then numbers as whole path segments (a demande's number may be "2")
  for (const id of ids.filter((id) => typeof id === "string")) texte = texte.replaceAll(id, "<id>");
  // (and as the form's field the caller typed, which the answer gives back as typed)
  for (const id of ids.filter((id) => typeof id === "number")) {
    texte = texte.replaceAll(`/${id}`, "/<id>").replaceAll(`"${id}"`, '"<id>"');
  }
  return texte;
}

/** A 404 of our own (the not-found page), never an action id the server does not know. */
async function expectIntrouvable(response: Response, qui: string) {
  expect(response.status, qui).toBe(404);
  expect(response.headers.get("x-nextjs-action-not-found"), qui).toBeNull();
  const corps = await response.text();
  if (response.headers.get("content-type")?.startsWith("text/html")) expect(corps, qui).toContain("Page introuvable");
}

async function expectRefuse(response: Response, qui: string) {
  expect(response.status, qui).toBe(403);
  if (response.headers.get("content-type")?.startsWith("text/html"))
    expect(await response.text(), qui).toContain("Accès refusé");
}

function expectConnexion(response: Response, page: "/connexion" | "/agent/connexion", qui: string) {
  expect(redirection(response), qui).toMatch(new RegExp(`^${page}(\\?suite=|$)`));
}

describe("la table couvre le build", () => {
  it("chaque page et route du build a sa ligne, et chaque ligne est une route du build", () => {
    expect(
      routesDuBuild.filter((route) => !(route in ROUTES)),
      "routes sans ligne",
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((route) => !routesDuBuild.includes(route)),
      "lignes sans route",
    ).toEqual([]);
  });

  it("chaque action serveur du build a sa ligne, et chaque ligne est une action du build", () => {
    const cles = actionsDuBuild.map((action) => action.cle);
    expect(
      cles.filter((cle) => !(cle in ACTIONS)),
      "actions sans ligne",
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((cle) => !cles.includes(cle)),
      "lignes sans action",
    ).toEqual([]);
  });
});

describe.each(routesDuBuild.filter((route) => route in ROUTES))("GET %s", (route) => {
  const ligne = ROUTES[route]!;
  const chemin = () => (ligne.chemin ?? (() => route))(contexte);

  it(`${ligne.acces}`, async () => {
    const get = (client: Client) => requete(client, chemin());
    switch (ligne.acces) {
      case "publique":
        expect((await get(anonyme())).status, "anonyme").toBe(ligne.statut ?? 200);
        break;
      case "absente":
        for (const client of [anonyme(), citoyen, agent, admin]) await expectIntrouvable(await get(client), "chacun");
        break;
      case "usager":
      case "famille":
        expectConnexion(await get(anonyme()), "/connexion", "anonyme");
        await expectIntrouvable(await get(agent), "agent");
        await expectIntrouvable(await get(admin), "administrateur");
        if (ligne.acces === "famille") {
          expect((await get(citoyen)).status, "la famille elle-même").toBe(ligne.proprietaire ?? 200);
          await expectIntrouvable(await get(autreFamille), "une autre famille");
        }
        break;
      case "televersement": {
        const post = (client: Client) => requete(client, chemin(), { method: "POST", body: new FormData() });
        for (const [client, qui] of [
          [anonyme(), "anonyme"],
          [agent, "agent"],
        ] as const) {
          const response = await post(client);
          expect(response.status, qui).toBe(404);
          expect(await response.json(), qui).toEqual({ message: "Introuvable" });
        }
        const refus = await post(citoyen);
        expect(refus.status, "citoyen").toBe(400);
        expect(await refus.json(), "citoyen").toEqual({ message: "Choisissez le type de document." });
        break;
      }
      case "fichier":
        await expectIntrouvable(await get(anonyme()), "anonyme");
        await expectIntrouvable(await get(autreFamille), "une autre famille");
        expect((await get(citoyen)).status, "la famille elle-même").toBe(200);
        expect((await get(agent)).status, "un agent").toBe(200);
        break;
      case "pdf-usager":
      case "pdf-famille":
        await expectIntrouvable(await get(anonyme()), "anonyme");
        await expectIntrouvable(await get(agent), "agent");
        if (ligne.acces === "pdf-famille") await expectIntrouvable(await get(autreFamille), "une autre famille");
        expect((await get(citoyen)).status, "la famille elle-même").toBe(200);
        break;
      case "pdf-agent":
        await expectIntrouvable(await get(anonyme()), "anonyme");
        await expectIntrouvable(await get(citoyen), "citoyen");
        expect((await get(agent)).status, "un agent").toBe(200);
        break;
      case "pdf-admin":
        await expectIntrouvable(await get(anonyme()), "anonyme");
        await expectIntrouvable(await get(citoyen), "citoyen");
        expect((await get(agent)).status, "un agent").toBe(403);
        expect((await get(admin)).status, "un administrateur").toBe(200);
        break;
      case "session-agent":
        expectConnexion(await get(anonyme()), "/agent/connexion", "anonyme");
        await expectIntrouvable(await get(citoyen), "citoyen");
        break;
      case "agent":
      case "admin":
      case "sante":
        expectConnexion(await get(anonyme()), "/agent/connexion", "anonyme");
        await expectIntrouvable(await get(citoyen), "citoyen");
        if (ligne.acces === "sante") {
          await expectRefuse(await get(agent), "agent sans l'accès aux données de santé");
          await expectRefuse(await get(admin), "administrateur sans l'accès aux données de santé");
          expect((await get(agentSante)).status, "agent qui a l'accès").toBe(200);
        } else if (ligne.acces === "admin") {
          await expectRefuse(await get(agent), "agent");
          if (ligne.administrateur === 404) await expectIntrouvable(await get(admin), "administrateur");
          else expect((await get(admin)).status, "administrateur").toBe(ligne.administrateur ?? 200);
        } else {
          expect((await get(agent)).status, "agent").toBe(200);
        }
        break;
    }
  });
});

// Issue 30, finding 1 (downloads outside /api/ lose their sandbox): every route handler of the build (its
// manifest's "…/route" entries: the PDFs, the attestations, the CSV exports, /api/…) answers the one who may read
// it with the file policy, which proxy.ts puts on them all; a page keeps the page's.
const routesHandlers = [
  ...new Set(
    Object.entries(ROUTES_DU_BUILD)
      .filter(([fichier]) => fichier.endsWith("/route"))
      .map(([, route]) => route),
  ),
];

/** Who gets the route's real answer (its file, its export, its JSON). */
function lecteur(acces: AccesRoute): Client {
  if (["usager", "famille", "fichier", "pdf-usager", "pdf-famille", "televersement"].includes(acces)) return citoyen;
  if (acces === "sante") return agentSante;
  if (["agent", "admin", "pdf-agent", "pdf-admin", "session-agent"].includes(acces)) return admin;
  return anonyme();
}

describe("downloads outside /api/ lose their sandbox", () => {
  it("the build has file routes outside /api/ (the PDFs, the attestations, the exports)", () => {
    expect(routesHandlers.filter((route) => !route.startsWith("/api/")).length).toBeGreaterThanOrEqual(8);
  });

  it.each(routesHandlers)("%s answers with the file policy", async (route) => {
    const ligne = ROUTES[route]!;
    const response = await requete(lecteur(ligne.acces), (ligne.chemin ?? (() => route))(contexte));
    if (["fichier", "pdf-usager", "pdf-famille", "pdf-agent", "pdf-admin", "agent", "admin"].includes(ligne.acces)) {
      // a refusal says why in its body (a PES file's missing value): shown when the status is not the file's
      const raison = response.status === 200 ? "" : ` : ${(await response.clone().text()).slice(0, 300)}`;
      expect(response.status, `la réponse du fichier lui-même${raison}`).toBe(200);
    }
    expect(response.headers.get("content-security-policy")).toBe(POLITIQUE_FICHIER);
  });

  it("a page keeps the page's policy, with its nonce", async () => {
    const response = await requete(citoyen, "/factures");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  });
});

// The public actions are in the table so that a new action cannot go unclassified; each checks its own rules
// (throttling: connexion.test.ts).
// (An action without a row fails the coverage test above.)
const actionsGardees = actionsDuBuild.filter(
  (action) => action.cle in ACTIONS && ACTIONS[action.cle]!.acces !== "publique",
);

describe.each(actionsGardees.map((action) => [action.cle, action] as const))("action %s", (_cle, action) => {
  const ligne = ACTIONS[action.cle]!;
  const page = (c: Contexte) => (ROUTES[action.route]?.chemin ?? (() => action.route))(c);
  const appeler = (client: Client, c = contexte) =>
    appelerAction(client, { id: action.id, page: page(c) }, ligne.args(c));

  it(`${ligne.acces}`, async () => {
    switch (ligne.acces) {
      case "usager":
      case "famille":
        expectConnexion(await appeler(anonyme()), "/connexion", "anonyme");
        await expectIntrouvable(await appeler(agent), "agent");
        if (ligne.acces === "famille") {
          const ids = [
            contexte.a.numero,
            contexte.a.enfantId,
            contexte.a.inscriptionId,
            contexte.a.inscriptionAccepteeId,
            contexte.a.factureNumero,
            ...Object.values(INEXISTANTS),
          ];
          const inexistant = await appeler(autreFamille, { ...contexte, a: { ...contexte.a, ...INEXISTANTS } });
          expect(await reponseMasquee(await appeler(autreFamille), ids), "une autre famille").toBe(
            await reponseMasquee(inexistant, ids),
          );
        }
        break;
      case "session-agent":
        expectConnexion(await appeler(anonyme()), "/agent/connexion", "anonyme");
        await expectIntrouvable(await appeler(citoyen), "citoyen");
        break;
      case "agent":
      case "admin":
        expectConnexion(await appeler(anonyme()), "/agent/connexion", "anonyme");
        await expectIntrouvable(await appeler(citoyen), "citoyen");
        if (ligne.acces === "admin") await expectRefuse(await appeler(agent), "agent");
        break;
    }
  });
});
