// Realistic details of every kind of journal entry, as the commands write them today, with the names the query
// would resolve for their ids: what phrase.test.ts renders.
import { nomsVides, type Noms } from "@/lib/domain/journal/lecteur";

export const FAMILLE = "0b6f3a52-1c1e-4d39-9f7e-6d1f4b0a2c11";
export const LOUISE = "5d3c2b1a-8e7f-4a6b-9c8d-1e2f3a4b5c6d";
export const PEIO = "7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d";
export const FACTURE = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f";
export const INSCRIPTION = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

export function nomsExemple(): Noms {
  const noms = nomsVides();
  noms.familles.set(FAMILLE, "Claire ETCHART");
  noms.enfants.set(LOUISE, { nom: "Louise ETCHART", familleId: FAMILLE });
  noms.activites.set(1, "Restauration scolaire");
  noms.unites.set(1, "Menu Classique");
  noms.unites.set(2, "Menu Végétarien");
  noms.lieux.set(1, "Bourg");
  noms.lieux.set(2, "Hameau");
  noms.agents.set(PEIO, "Peio ETCHEVERRY");
  noms.demandes.set(12, { intitule: "Inscription à la restauration", enfant: "Louise ETCHART", familleId: FAMILLE });
  noms.factures.set(FACTURE, "FA-2026-000123");
  noms.inscriptions.set(INSCRIPTION, { enfantId: LOUISE, activiteId: 1, familleId: FAMILLE });
  return noms;
}

const demande = { numero: 12 };

/** Details by event; an event absent here is written without details. */
export const EXEMPLES: Record<string, Record<string, unknown>> = {
  "agenda.lien_renouvele": { familleId: FAMILLE, version: 2 },
  "usager.rappel_cloture": { actif: true },
  "connexion.reussie": { secondFacteur: "secours", codesSecoursRestants: 7 },
  "connexion.bloquee": { identifiant: "claire.etchart", jusqua: "2026-12-07T13:35:00.000Z" },
  "session.appareil_oublie": { sessions: 2, tous: true },
  "connexion.code_bloque": { jusqua: "2026-12-07T13:35:00.000Z" },
  "connexion.sso_refusee": { claim: "email", motif: "ambigu" },
  "connexion.sso_liee": { claim: "email" },
  "agent.cree": { agentId: PEIO, role: "ADMIN", par: "console" },
  "agent.role_change": { agentId: PEIO, de: "AGENT", vers: "ADMIN" },
  "agent.mot_de_passe_reinitialise": { agentId: PEIO, sessionsFermees: 2 },
  "agent.totp_reinitialise": { agentId: PEIO, sessionsFermees: 1 },
  "agent.desactive": { agentId: PEIO, sessionsFermees: 3 },
  "agent.reactive": { agentId: PEIO, sessionsFermees: 0 },
  "agent.acces_sante_accorde": { agentId: PEIO },
  "agent.acces_sante_retire": { agentId: PEIO },
  "agent.habilitation_facturation_accordee": { agentId: PEIO },
  "agent.habilitation_facturation_retiree": { agentId: PEIO },
  "cle.rotation": { secretsTotp: 4, dossiersSante: 20, demandesSante: 3, commandesRepas: 5, illisibles: 0 },
  "espace.supprime": { demandesSupprimees: 2 },
  "mot_de_passe.reinitialise": { sessionsFermees: 1 },
  "mot_de_passe.modifie": { sessionsFermees: 2 },
  "famille.rattachement": { familleId: FAMILLE },
  "famille.corrigee": {
    familleId: FAMILLE,
    personne: `enfant-${LOUISE}`,
    role: "enfant",
    changements: [{ champ: "prenoms", avant: "Louis", apres: "Louise" }],
  },
  "demande.message": { numero: 12, piece: true, interne: false },
  "demande.piece_consultee": { message: "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e" },
  "piece.consultee": { piece: "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f" },
  "piece.deposee": { piece: "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", type: "JUSTIFICATIF_DOMICILE" },
  "piece.verifiee": { numero: 12, piece: "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f" },
  "piece.non_verifiee": { numero: 12, piece: "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f" },
  "dossier_sante.lecture": { numero: 12, enfantId: LOUISE },
  "dossier_sante.version": { enfantId: LOUISE, version: 3 },
  "dossier_sante.pai_consulte": { numero: 12, enfantId: LOUISE },
  "inscription.pai_consulte": demande,
  "absence.declaree": { numero: 12, jours: 3 },
  "absence.malade_ce_matin": { numero: 12, jours: 1 },
  "absence.justificatif": demande,
  "absence.expiree": demande,
  "reservations.agent": {
    inscriptionId: INSCRIPTION,
    familleId: FAMILLE,
    enfantId: LOUISE,
    activiteId: 1,
    reservees: 0,
    annulees: 1,
    horsDelai: 1,
    jours: [{ date: "2026-12-17", uniteId: 1, reservee: false, horsDelai: true }],
  },
  "reservations.validation": { decision: "accepter", reservees: 4, enAttente: 1, refusees: 0 },
  "pointage.marque": {
    enfantId: LOUISE,
    familleId: FAMILLE,
    uniteId: 1,
    lieuId: 1,
    date: "2026-12-07",
    etat: "ABSENT",
    marqueLe: "2026-12-07T10:52:00.000Z",
    retenue: false,
  },
  "pointage.tous_presents": { lieuId: 1, uniteId: 1, date: "2026-12-07", nombre: 62 },
  "pointage.sante_lecture": { date: "2026-12-07", lieux: [1], enfants: 24 },
  "pointage.sante_detail": { enfantId: LOUISE, version: 2 },
  "service_non_assure.declare": {
    declarationId: "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a",
    id: "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b",
    activiteIds: [1],
    lieuIds: [1, 2],
    debut: "2026-12-17",
    fin: "2026-12-18",
    motif: "GREVE",
    reservations: 143,
    familles: 97,
  },
  "service_non_assure.annule": {
    id: "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b",
    declarationId: "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a",
    activiteIds: [1],
    lieuIds: [1],
    debut: "2026-12-17",
    fin: "2026-12-18",
    restaurees: 140,
    familles: 97,
  },
  "commande_repas.figee": { versions: [{ lieuId: 1, date: "2026-12-17", version: 2 }], courrielsTraiteur: 1 },
  "commande_repas.lecture": { date: "2026-12-17" },
  "facturation.lancee": {
    mois: "2026-11-01",
    run: "f1a2b3c4-d5e6-4f7a-8b9c-0d1e2f3a4b5c",
    factures: 312,
    totalCentimes: 1_487_240,
  },
  "facturation.parametres": { iban: "FR7630006000011234567890189", bic: "AGRIFRPP" },
  "facturation.avoir": { facture: "FA-2026-000123", familleId: FAMILLE, avoir: "AV-2026-000004", paiementsLiberes: 1 },
  "facturation.avoir_regularisation": { famille: FAMILLE, avoir: "AV-2026-000005", montantCentimes: 1250 },
  "facturation.quotient": { famille: FAMILLE, quotient: "a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d" },
  "facturation.tarif": { unite: 1, annee: 3, mode: "QUOTIENT" },
  "paiement.enregistre": {
    paiementId: "a1a2a3a4-b5b6-4c7c-8d8d-9e9e0f0f1a1a",
    familleId: FAMILLE,
    mode: "CHEQUE",
    montantCentimes: 4500,
    factureId: FACTURE,
  },
  "paiement.reaffecte": {
    paiementId: "a1a2a3a4-b5b6-4c7c-8d8d-9e9e0f0f1a1a",
    familleId: FAMILLE,
    parts: { "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f": 4500, "8e7d6c5b-4a3b-4c2d-8e1f-0a9b8c7d6e5f": 1200 },
  },
  "relances.envoyees": { nombre: 12 },
  "relances.transmises": { nombre: 4 },
  "prelevement.run": {
    runId: "b2b3b4b5-c6c7-4d8d-9e9e-0f0f1a1a2b2b",
    mois: "2026-11-01",
    nombre: 120,
    montantCentimes: 540_000,
    annules: 2,
  },
  "prelevement.parametres": { ics: "FR12ZZZ123456" },
  "prelevement.fichier": { runId: "b2b3b4b5-c6c7-4d8d-9e9e-0f0f1a1a2b2b", nombre: 120 },
  "prelevement.rejete": {
    prelevementId: "c3c4c5c6-d7d8-4e9e-8f0f-1a1a2b2b3c3c",
    familleId: FAMILLE,
    code: "AM04",
    rejets: 2,
    suspendu: true,
  },
  "mandat.signe": { rum: "PF-000042", familleId: FAMILLE, version: 1, methode: "SIGNATURE" },
  "mandat.modifie": { rum: "PF-000042", familleId: FAMILLE, version: 2, methode: "SIGNATURE" },
  "mandat.revoque": { rum: "PF-000042", prelevementsAnnules: 1 },
  "mandat.reactive": { rum: "PF-000042" },
  "mandat.pdf_lu": { rum: "PF-000042" },
  "pes.bordereau": {
    bordereauId: "d4d5d6d7-e8e9-4f0f-8a1a-2b2b3c3c4d4d",
    exer: 2026,
    numero: 11,
    mois: "2026-11-01",
    factures: 300,
    avoirs: 2,
    montantCentimes: 1_400_000,
  },
  "pes.parametres": { codeColl: "123", codeBudget: "01" },
  "pes.reponse": { titreId: "e5e6e7e8-f9f0-4a1a-8b2b-3c3c4d4d5e5e", de: "EMIS", vers: "PRIS_EN_CHARGE" },
  "pes.telecharge": { bordereauId: "d4d5d6d7-e8e9-4f0f-8a1a-2b2b3c3c4d4d" },
  "actualite.creee": { actualite: "f6f7f8f9-a0a1-4b2b-8c3c-4d4d5e5e6f6f", statut: "BROUILLON" },
  "actualite.modifiee": { actualite: "f6f7f8f9-a0a1-4b2b-8c3c-4d4d5e5e6f6f", statut: "PUBLIEE" },
  "actualite.publiee": { actualite: "f6f7f8f9-a0a1-4b2b-8c3c-4d4d5e5e6f6f" },
  "actualite.retiree": { actualite: "f6f7f8f9-a0a1-4b2b-8c3c-4d4d5e5e6f6f" },
  "actualite.supprimee": { actualite: "f6f7f8f9-a0a1-4b2b-8c3c-4d4d5e5e6f6f" },
  "document_utile.publie": { document: "a7a8a9a0-b1b2-4c3c-8d4d-5e5e6f6f7a7a", categorie: "MENUS" },
  "document_utile.retire": { document: "a7a8a9a0-b1b2-4c3c-8d4d-5e5e6f6f7a7a", categorie: "MENUS" },
  "activite.description_modifiee": { activite: 1 },
  "activite.element_ajoute": { activite: 1, sorte: "lieu", id: 2, libelle: "Hameau" },
  "activite.element_renomme": { activite: 1, sorte: "unite", id: 2, libelle: "Menu Végétarien" },
  "activite.element_retire": { activite: 1, sorte: "groupe", id: 4 },
  "activite.pieces_reglees": { activite: 1, exigences: { JUSTIFICATIF_DOMICILE: "OBLIGATOIRE" } },
  "annee.inscriptions_ouvertes": { annee: 3 },
  "annee.inscriptions_fermees": { annee: 3 },
  "commune.modifiee": { changements: [{ champ: "delaiCorrectionPointageJours", avant: 7, apres: 5 }] },
  "document.publie": { type: "CGU", version: 3 },
  "reservations.jours_generes": { activiteId: 1, anneeId: 3, joursSemaine: [1, 2, 4, 5], ajoutes: 140, retires: 2 },
  "reservations.zone": { avant: "A", apres: "B" },
  "reservations.fermeture": { date: "2026-12-17", type: "FERMETURE", activiteId: 1 },
  "reservations.delais": { activiteId: 1, reservation: { jours: 2 }, annulation: { jours: 2 } },
  "reservations.annee": { anneeId: 3, ouvertureReservations: "2026-06-15", lectureSeuleLe: "2027-09-01" },
  "reservations.jour_retire": { activiteId: 1, date: "2026-12-17", retires: 4 },
  "reservations.jour_ajoute": { activiteId: 1, date: "2026-12-19", ajoutes: 4 },
  "reservations.calendrier_importe": { zone: "B", importees: 12, autresZones: 24, ignorees: 0, annees: [2026] },
  "reservations.regles": { activiteId: 1, validation: "AGENT", capacites: [] },
};
