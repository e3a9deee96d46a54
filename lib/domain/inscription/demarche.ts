// The "Inscription" démarche: a child's enrolment in an activity for a school year (the wizard's draft is
// lib/domain/inscription/brouillon.ts); checked at deposit against what the database holds, and made an
// Inscription when an agent accepts it.
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { ouvertureDansLaPhrase, reservationsOuvertes } from "@/lib/domain/calendrier/periode";
import { anneeScolaire } from "@/lib/domain/inscription/catalogue";
import { accepterInscription, auDepotInscription, verifierDepotInscription } from "@/lib/domain/inscription/depot";
import { exigerPiecesVerifiees } from "@/lib/domain/inscription/pieces-verifiees";
import { recapInscription, recapInscriptionPourAgent, type RecapInscription } from "@/lib/domain/inscription/recap";
import { ATTESTATIONS, donneesSchema, lireDonnees, type Attestation } from "@/lib/domain/inscription/regles";
import type { Demande } from "@/lib/generated/prisma/client";

const etat = (autorise: boolean | null) => (autorise === null ? null : autorise ? "Autorisé" : "Interdit");
const tailleKo = (octets: number) => `${Math.max(1, Math.round(octets / 1024))} Ko`;

/**
 * The seed's recap table (INSCRIPTION, PERMISSIONS, HABILITATIONS with Autorisé / Interdit), the P.A.I., the
 * pieces; without the pieces for the console, whose one PIÈCES JOINTES block shows them with their « Vérifiée ».
 */
export function sectionsInscription(recap: RecapInscription, { pieces = true } = {}): SectionRecap[] {
  return [
    {
      titre: "Inscription",
      lignes: [
        { libelle: "Inscrit", valeur: recap.enfant },
        ...(recap.familleEnAttente !== null
          ? [
              {
                libelle: "Famille",
                valeur: `En attente de l'acceptation de la demande d'ajout de famille N° ${recap.familleEnAttente}`,
              },
            ]
          : []),
        { libelle: "Date de début", valeur: recap.dateDebut },
        { libelle: "Date de fin", valeur: recap.dateFin },
        { libelle: "Lieu", valeur: recap.lieu },
        { libelle: "Groupe", valeur: recap.groupe },
        { libelle: "Unité", valeur: recap.unite },
      ],
    },
    { titre: "Permissions", lignes: recap.permissions.map((p) => ({ libelle: p.libelle, valeur: etat(p.autorise) })) },
    ...(recap.habilitations.length > 0
      ? [
          {
            titre: "Habilitations",
            lignes: recap.habilitations.map((h) => ({ libelle: h.libelle, valeur: etat(h.autorise) })),
          },
        ]
      : []),
    {
      titre: "PAI",
      lignes: [
        { libelle: "Demande de P.A.I.", valeur: recap.pai ? "Oui" : "Non" },
        ...(recap.pai
          ? [
              {
                libelle: "Objet du P.A.I.",
                valeur: recap.paiObjet ?? "Réservé aux agents ayant l'accès aux données de santé.",
              },
            ]
          : []),
      ],
    },
    {
      // each statement the parent checked, as the step 1 form words it; the règlement's with its version
      titre: "Attestation sur l'honneur",
      lignes: (Object.keys(ATTESTATIONS) as Attestation[]).map((cle) => ({
        libelle: ATTESTATIONS[cle],
        valeur: !recap.attestations.includes(cle)
          ? "Non attesté"
          : cle === "reglement" && recap.reglementVersion
            ? `Attesté (règlement intérieur version ${recap.reglementVersion})`
            : "Attesté",
      })),
    },
    ...(!pieces
      ? []
      : [
          {
            titre: `Pièces jointes (${recap.pieces.length})`,
            lignes: recap.pieces.map((piece) => ({
              libelle: piece.libelle,
              valeur: `${piece.nom} (${tailleKo(piece.taille)})`,
              href: `/api/pieces/${piece.id}`,
            })),
            vide: "Aucune pièce jointe.",
          },
        ]),
  ];
}

const illisible: SectionRecap[] = [
  { titre: "Inscription", texte: ["Les données de cette inscription sont illisibles."] },
];

async function recap(demande: Demande, agentId?: string): Promise<SectionRecap[]> {
  // the object of a P.A.I. is health data: for an agent, the domain query opens it only with the permission
  // SANTE, and journals the read (without the data)
  const lu = agentId ? await recapInscriptionPourAgent(agentId, demande) : await recapInscription(demande);
  if (!lu) return illisible;
  return sectionsInscription(lu, { pieces: !agentId });
}

export const DEMARCHE_INSCRIPTION = {
  type: "INSCRIPTION",
  libelle: "Inscription",
  domaine: "Enfance",
  intitule: (donnees) => lireDonnees(donnees)?.intitule ?? null,
  donnees: { version: 1, schema: donneesSchema },
  verifierDepot: verifierDepotInscription,
  auDepot: auDepotInscription,
  // pieces not « Vérifiée »: only when the agent confirmed them by name (lib/domain/inscription/pieces-verifiees.ts)
  // (checked after the family's own checks, so "accept the family first" is said first; all in one transaction)
  accepter: async (tx, demande, { piecesNonVerifiees }) => {
    const suite = await accepterInscription(tx, demande);
    await exigerPiecesVerifiees(tx, demande.id, piecesNonVerifiees);
    return suite;
  },
  recap: { usager: (demande) => recap(demande), agent: (demande, agentId) => recap(demande, agentId) },
  reprise: ({ id }) => ({
    reprendre: `/inscriptions/${id}`,
    recapitulatif: `/inscriptions/${id}/recapitulatif`,
    annuler: `/inscriptions/${id}/annuler`,
    apresAnnulation: "/mon-espace",
  }),
  // the seed's two notices: when reservations open (the school year's date), and the dossier santé not to forget
  async avisApresDepot(demande, now) {
    const lues = lireDonnees(demande.donnees);
    const annee = lues ? await anneeScolaire(lues.anneeId) : null;
    if (!annee) return null;
    return {
      texte: `Après traitement par les agents de la mairie de votre demande d'inscription à la restauration scolaire et à l'accueil périscolaire, ${reservationsOuvertes(annee, now) ? `vous pourrez réserver les repas et les présences à la garderie (Mon accueil > Gérer mes réservations) : ${ouvertureDansLaPhrase(annee, now)}.` : `l'ouverture pour la réservation des repas et des présences à la garderie se fera ${ouvertureDansLaPhrase(annee, now)}.`}`,
      attention: "ATTENTION : Ne pas oublier de compléter le dossier santé",
      chemin: "Mon accueil > Sélectionner mon enfant > Dossier santé > Mettre à jour",
      // the family said someone else picks the child up: name that person now
      ...(lues?.autreRecuperateur === "OUI"
        ? { lien: { libelle: "Contacts et habilitations", href: "/famille/contacts" } }
        : {}),
    };
  },
} satisfies DefinitionDemarche & { type: "INSCRIPTION" };
