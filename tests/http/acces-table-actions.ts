// The access matrix's table of server actions (tests/http/acces.test.ts): every action of the build, by who may
// call it, with the arguments it is called with. The pages' rows are in acces-table.ts.
import type { Contexte } from "./acces-table";

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

export const ACTIONS: Record<string, LigneAction> = {
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
  "app/(portail)/mon-profil/appareils/actions.ts#oublierAppareilAction": {
    acces: "usager",
    args: () => formulaireAvec({ session: "inexistante" }),
  },
  "app/(portail)/mon-profil/appareils/actions.ts#oublierTousLesAppareilsAction": { acces: "usager", args: formulaire },
  "app/(portail)/famille/actions.ts#ajouterEnfantAction": { acces: "usager", args: formulaire },
  "app/(portail)/famille/actions.ts#ajouterCoRepresentantAction": { acces: "usager", args: formulaire },
  "app/(portail)/famille/actions.ts#retirerCoRepresentantAction": { acces: "usager", args: formulaire },
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
  // a place offered, answered by its reservation's id: another family's is « introuvable » like one that does not
  // exist (tests/integration/fenetre-offres.test.ts)
  "app/(portail)/famille/reservations/propositions/actions.ts#accepterOffreAction": {
    acces: "usager",
    args: () => formulaireAvec({ reservationId: "00000000-0000-0000-0000-000000000000" }),
  },
  "app/(portail)/famille/reservations/propositions/actions.ts#declinerOffreAction": {
    acces: "usager",
    args: () => formulaireAvec({ reservationId: "00000000-0000-0000-0000-000000000000" }),
  },
  "app/(portail)/famille/reservations/actions.ts#enregistrerPourLaFamilleAction": {
    acces: "famille",
    args: (c) =>
      formulaireAvec({
        changements: JSON.stringify([
          { inscriptionId: c.a.inscriptionAccepteeId, date: "2026-12-07", uniteId: c.uniteId, reserver: true },
        ]),
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
  "app/(portail)/famille/enfants/[enfant]/transport/actions.ts#signalerTransportAction": {
    acces: "famille",
    args: (c) => [c.a.enfantId, ...formulaireAvec({ prendLeBus: "NON" })],
  },
  "app/(portail)/famille/agenda/actions.ts#renouvelerLienAgendaAction": { acces: "usager", args: formulaire },
  "app/(portail)/famille/contacts/actions.ts#demanderContactsAction": { acces: "usager", args: formulaire },
  "app/(portail)/mon-espace/actions-agenda.ts#rappelClotureAction": { acces: "usager", args: formulaire },
  "app/(portail)/mon-espace/actions-agenda.ts#maladeCeMatinFamilleAction": {
    acces: "famille",
    args: (c) => formulaireAvec({ enfant: c.a.enfantId }),
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
  "app/(agent)/agent/pointage/actions.ts#tousPresentsAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/service-non-assure/actions.ts#declarerServiceNonAssureAction": {
    acces: "agent",
    args: formulaire,
  },
  "app/(agent)/agent/service-non-assure/actions.ts#annulerServiceNonAssureAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/fenetres/nouvelle/actions.ts#creerFenetreAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/fenetres/[id]/actions.ts#annulerFenetreAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/fenetres/[id]/actions-attribution.ts#attribuerFenetreAction": { acces: "agent", args: formulaire },
  "app/(agent)/agent/fenetres/[id]/actions-attribution.ts#verifierTirageAction": { acces: "agent", args: formulaire },
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
  "app/(agent)/agent/familles/[id]/quotient/actions.ts#interrogerCafAction": {
    acces: "agent",
    args: (c) => [c.a.familleId, ...formulaire()],
  },
  "app/(portail)/famille/quotient/actions.ts#consentirQuotientAction": { acces: "usager", args: formulaire },
  "app/(portail)/famille/quotient/actions.ts#mettreAJourQuotientAction": { acces: "usager", args: formulaire },
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
