// The "Ajout de famille" démarche: the family a parent declares person by person (lib/domain/famille/declaration.ts),
// checked whole at deposit, matched against the children already known (garde alternée), and created as a
// Famille when an agent accepts it.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { formatParis } from "@/lib/temps/dates";
import { jourIso } from "@/lib/champs";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { creerFamilleDepuisDemande } from "@/lib/domain/famille/creer";
import { annulerInscriptionsEnAttente, reporterInscriptions } from "@/lib/domain/inscription/attente";
import { cleRapprochement } from "@/lib/domain/famille/rapprochement";
import { enfantsDejaConnus } from "@/lib/domain/famille/garde-alternee";
import {
  lireBrouillon,
  MODALITES_CONTACT,
  nomDePersonne,
  QUALITES,
  qualiteLibelle,
  SEXES,
  validerDeclaration,
  type Brouillon,
} from "@/lib/domain/famille/schemas";
import { CIVILITES } from "@/lib/domain/usager/schemas";

type Valeurs = Record<string, string>;

const date = (value?: string) => {
  const jour = value ? jourIso(value) : null;
  return jour ? formatParis(jour, "dd/MM/yyyy") : null;
};

function adresse(values: Valeurs | null): string {
  if (!values) return "";
  const ligne1 = [values.adresseNumero, values.adresseVoie].filter(Boolean).join(" ");
  const details = [
    values.adresseBatiment && `Bât. ${values.adresseBatiment}`,
    values.adresseAppartement && `Appt ${values.adresseAppartement}`,
    values.adresseComplement,
  ]
    .filter(Boolean)
    .join(", ");
  return [ligne1, details, `${values.codePostal ?? ""} ${values.ville ?? ""} / ${values.pays ?? ""}`.trim()]
    .filter(Boolean)
    .join(" — ");
}

function representant(titre: string, v: Valeurs, titulaire: Valeurs | null): SectionRecap {
  const qualite =
    v.qualite && v.qualite in QUALITES
      ? qualiteLibelle(v.qualite as keyof typeof QUALITES, v.autoriteParentale === "oui")
      : null;
  return {
    titre: `${titre} : ${nomDePersonne("titulaire", v)}`,
    lignes: [
      { libelle: "Civilité", valeur: CIVILITES[v.civilite as keyof typeof CIVILITES] ?? null },
      { libelle: "Nom de famille", valeur: v.nomFamille ?? null },
      { libelle: "Date de naissance", valeur: date(v.dateNaissance) },
      {
        libelle: "Lieu de naissance",
        valeur: [v.communeNaissance, v.departementNaissance, v.paysNaissance].filter(Boolean).join(", "),
      },
      { libelle: "Adresse", valeur: v.memeAdresse === "on" ? adresse(titulaire) : adresse(v) },
      { libelle: "Téléphone domicile", valeur: v.telephoneDomicile ?? null },
      { libelle: "Téléphone portable", valeur: v.telephonePortable ?? null },
      { libelle: "Courriel", valeur: v.courriel ?? null },
      { libelle: "Profession", valeur: v.profession ?? null },
      { libelle: "Employeur", valeur: v.employeur ?? null },
      { libelle: "Téléphone professionnel", valeur: v.telephonePro ?? null },
      {
        libelle: "Modalité de contact",
        // the seed's default when the parent chose none
        valeur: MODALITES_CONTACT[v.modaliteContact as keyof typeof MODALITES_CONTACT] ?? MODALITES_CONTACT.STANDARD,
      },
      { libelle: "Qualité", valeur: qualite },
    ],
  };
}

/** LE RÉCAPITULATIF as the seed lays it out: TITULAIRE DU COMPTE, the co-représentant, then each member. */
export function recapAjoutFamille({ titulaire, coRepresentant, enfants, contacts }: Brouillon): SectionRecap[] {
  const oui = (valeur?: string) => (valeur === "on" ? "Oui" : "Non");
  return [
    ...(titulaire ? [representant("Titulaire du compte", titulaire, titulaire)] : []),
    ...(coRepresentant ? [representant("Co-représentant", coRepresentant, titulaire)] : []),
    ...enfants.map((enfant, rang) => ({
      titre: `Membre : ${nomDePersonne("enfant", enfant, rang)}`,
      lignes: [
        { libelle: "Sexe", valeur: SEXES[enfant.sexe as keyof typeof SEXES] ?? null },
        { libelle: "Date de naissance", valeur: date(enfant.dateNaissance) },
        { libelle: "Lieu de naissance", valeur: enfant.lieuNaissance ?? null },
        { libelle: "Adresse", valeur: enfant.memeAdresse === "on" ? adresse(titulaire) : adresse(enfant) },
      ],
    })),
    ...contacts.map((contact, rang) => ({
      titre: `Contact : ${nomDePersonne("contact", contact, rang)}`,
      lignes: [
        { libelle: "Lien avec l'enfant", valeur: contact.lien ?? null },
        { libelle: "Téléphone portable", valeur: contact.telephonePortable ?? null },
        { libelle: "Téléphone domicile", valeur: contact.telephoneDomicile ?? null },
        { libelle: "À prévenir en cas d'urgence", valeur: oui(contact.aPrevenir) },
        { libelle: "Autorisé(e) à venir chercher l'enfant", valeur: oui(contact.autoriseRecuperer) },
      ],
    })),
  ];
}

const valeurs = z.record(z.string(), z.string());

export const DEMARCHE_AJOUT_FAMILLE = {
  type: "AJOUT_FAMILLE",
  libelle: "Ajout de famille",
  domaine: "Enfance",
  // the draft as declaration.ts saves it, person by person, complete or not
  donnees: {
    version: 1,
    schema: z.object({
      titulaire: valeurs.nullable().optional(),
      coRepresentant: valeurs.nullable().optional(),
      enfants: z.array(valeurs).optional(),
      contacts: z.array(valeurs).optional(),
    }),
  },
  verifierDepot(donnees) {
    const validation = validerDeclaration(lireBrouillon(donnees));
    if (!validation.ok) {
      const qui = validation.manques.map((manque) => manque.personne).join(", ");
      throw new AppError(
        "incomplete",
        `Votre déclaration est incomplète (${qui}) : complétez l'étape 1 avant de valider.`,
      );
    }
  },
  async auDepot(tx, demande) {
    const validation = validerDeclaration(lireBrouillon(demande.donnees));
    if (!validation.ok) return;
    const enfants = validation.declaration.enfants.map((enfant) => ({
      ref: enfant.id,
      cle: cleRapprochement(enfant.nom, enfant.prenoms, enfant.dateNaissance),
    }));
    const cles = enfants.map((enfant) => enfant.cle);
    await tx.demande.update({ where: { id: demande.id }, data: { clesEnfants: cles } });
    await tx.demandeRapprochement.deleteMany({ where: { demandeId: demande.id } });
    const [connus, declares] = await Promise.all([
      tx.enfant.findMany({ where: { cleRapprochement: { in: cles } }, select: { id: true, cleRapprochement: true } }),
      tx.demande.findMany({
        where: {
          id: { not: demande.id },
          type: "AJOUT_FAMILLE",
          statut: { in: ["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"] },
          clesEnfants: { hasSome: cles },
        },
        select: { id: true, clesEnfants: true },
      }),
    ]);
    const rapprochements = enfants.flatMap((enfant) => [
      ...connus
        .filter((connu) => connu.cleRapprochement === enfant.cle)
        .map((connu) => ({ enfantRef: enfant.ref, enfantId: connu.id })),
      ...declares
        .filter((autre) => autre.clesEnfants.includes(enfant.cle))
        .map((autre) => ({ enfantRef: enfant.ref, autreDemandeId: autre.id })),
    ]);
    if (rapprochements.length > 0) {
      await tx.demandeRapprochement.createMany({
        data: rapprochements.map((r) => ({ ...r, demandeId: demande.id })),
      });
    }
  },
  async accepter(tx, demande, { rattachements }) {
    const creee = await creerFamilleDepuisDemande(tx, demande, { rattachements });
    // the inscriptions made while the family waited are now its own, and go on to their instruction
    const reportees = await reporterInscriptions(tx, demande, { familleId: creee.famille.id, ...creee });
    const numeros = reportees.map((n) => `N° ${n}`).join(", ");
    return {
      texte: `Votre famille a été validée par le service Enfance. Sa clé enfance est ${creee.famille.cleEnfance} : le co-représentant de la famille peut la saisir dans « Modifier mon espace » pour accéder à la famille depuis son propre espace.`,
      etapes: [
        reportees.length > 0
          ? {
              texte: `Vos demandes d'inscription déjà déposées (${numeros}) sont maintenant instruites par le service Enfance. Inscrivez maintenant vos enfants aux autres activités dont ils ont besoin :`,
              lien: `${config.appUrl}/inscriptions`,
            }
          : {
              texte:
                "Inscrivez maintenant vos enfants aux activités de l'année : restauration scolaire (cantine) et accueil périscolaire (garderie) :",
              lien: `${config.appUrl}/inscriptions`,
            },
        {
          texte:
            "Complétez le dossier santé de chaque enfant (Mon accueil > Sélectionner mon enfant > Dossier santé > Mettre à jour) :",
          lien: `${config.appUrl}/mon-espace`,
        },
        {
          texte:
            "Une fois les inscriptions acceptées, réservez les repas et les présences à la garderie depuis Mon accueil, à l'ouverture des réservations.",
        },
      ],
    };
  },
  async refuser(tx, demande, motif) {
    // the inscriptions that waited for this family cannot go on without it
    const annulees = await annulerInscriptionsEnAttente(tx, demande, motif);
    if (annulees.length === 0) return null;
    const numeros = annulees.map((n) => `N° ${n}`).join(", ");
    return annulees.length > 1
      ? `Vos demandes d'inscription ${numeros}, faites pour cette famille, sont annulées avec elle.`
      : `Votre demande d'inscription ${numeros}, faite pour cette famille, est annulée avec elle.`;
  },
  recap: {
    usager: async (demande) => recapAjoutFamille(lireBrouillon(demande.donnees)),
    agent: async (demande) => recapAjoutFamille(lireBrouillon(demande.donnees)),
  },
  reprise: () => ({
    reprendre: "/famille/declarer",
    recapitulatif: "/famille/declarer/recapitulatif",
    annuler: "/famille/declarer/annuler",
    apresAnnulation: "/mon-espace",
  }),
  // the seed's « Inscrire » tab and its notice: the parent enrols the declared children while the family waits
  inscrireDepuisLeSuivi: true,
  async avisApresDepot(demande) {
    return {
      texte:
        "Après la déclaration de votre famille, vous devez créer les inscriptions annuelles aux activités : restauration scolaire (cantine) et accueil périscolaire (garderie).",
      lien: { libelle: "Créer des inscriptions", href: `/demandes/${demande.numero}?onglet=inscrire` },
    };
  },
  // garde alternée: a declared child whose match key is a known child's may be that same child
  async rapprochements(demande) {
    const enfants = lireBrouillon(demande.donnees).enfants;
    const connus = await enfantsDejaConnus(db(), enfants);
    return enfants.flatMap((enfant, rang) => {
      const memes = connus.get(enfant.id);
      return memes ? [{ enfantRef: enfant.id, declare: nomDePersonne("enfant", enfant, rang), connus: memes }] : [];
    });
  },
} satisfies DefinitionDemarche & { type: "AJOUT_FAMILLE" };
