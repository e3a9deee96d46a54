// Accepting an Ajout de famille: the declared people become the Famille, in the transaction of the
// acceptance, and the titulaire's space is linked to it. A child the agent recognised as already known
// (garde alternée) is linked to this family too instead of being created twice.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jourIso } from "@/lib/champs";
import { cleEnfanceLibre } from "@/lib/domain/famille/cle-enfance";
import { cleRapprochement } from "@/lib/domain/famille/rapprochement";
import { enfantsDejaConnus, noterDecisions, verifierRattachements } from "@/lib/domain/famille/garde-alternee";
import {
  lireBrouillon,
  validerDeclaration,
  type AdresseSaisie,
  type CoRepresentant,
  type ContactSaisi,
  type EnfantSaisi,
  type Titulaire,
} from "@/lib/domain/famille/schemas";
import type { Famille } from "@/lib/generated/prisma/client";

/** An address as typed, in the columns of Adresse (shared with the agents' correction). */
export function donneesAdresse(adresse: AdresseSaisie) {
  return {
    numero: adresse.adresseNumero,
    voie: adresse.adresseVoie,
    batiment: adresse.adresseBatiment,
    appartement: adresse.adresseAppartement,
    complement: adresse.adresseComplement,
    codePostal: adresse.codePostal,
    ville: adresse.ville,
    pays: adresse.pays,
    codeInsee: adresse.codeInsee,
  };
}

export async function creerAdresse(tx: Tx, adresse: AdresseSaisie): Promise<string> {
  const row = await tx.adresse.create({ data: donneesAdresse(adresse) });
  return row.id;
}

/** A representant as typed, in the columns of Representant (shared with the agents' correction). */
export function donneesRepresentant(personne: Titulaire | CoRepresentant) {
  return {
    civilite: personne.civilite,
    nomUsage: personne.nomUsage,
    nomFamille: personne.nomFamille,
    prenom: personne.prenom,
    dateNaissance: personne.dateNaissance ? jourIso(personne.dateNaissance) : null,
    communeNaissance: personne.communeNaissance,
    departementNaissance: personne.departementNaissance,
    paysNaissance: personne.paysNaissance,
    telephoneDomicile: personne.telephoneDomicile,
    telephonePortable: personne.telephonePortable,
    courriel: personne.courriel,
    profession: personne.profession,
    employeur: personne.employeur,
    telephonePro: personne.telephonePro,
    modaliteContact: personne.modaliteContact,
    qualite: personne.qualite,
    autoriteParentale: personne.autoriteParentale === "oui",
  };
}

/** A child as typed, in the columns of Enfant (its address aside), with the key that finds it again. */
export function donneesEnfant(enfant: EnfantSaisi) {
  return {
    sexe: enfant.sexe,
    nom: enfant.nom,
    prenoms: enfant.prenoms,
    dateNaissance: jourIso(enfant.dateNaissance) as Date,
    lieuNaissance: enfant.lieuNaissance,
    cleRapprochement: cleRapprochement(enfant.nom, enfant.prenoms, enfant.dateNaissance),
  };
}

export function donneesContact(contact: ContactSaisi) {
  return {
    nom: contact.nom,
    prenom: contact.prenom,
    lien: contact.lien,
    telephonePortable: contact.telephonePortable,
    telephoneDomicile: contact.telephoneDomicile,
    aPrevenir: contact.aPrevenir,
    autoriseRecuperer: contact.autoriseRecuperer,
  };
}

/** The family, and the ids its declared children and contacts (by their ids in the declaration) now have. */
export type FamilleCreee = { famille: Famille; enfants: Map<string, string>; contacts: Map<string, string> };

export async function creerFamilleDepuisDemande(
  tx: Tx,
  demande: { id: string; usagerId: string; donnees: unknown },
  { rattachements = {} }: { rattachements?: Record<string, string> } = {},
): Promise<FamilleCreee> {
  const validation = validerDeclaration(lireBrouillon(demande.donnees));
  if (!validation.ok)
    throw new AppError("declaration_incomplete", "Cette déclaration est incomplète : demandez un complément.");
  const { titulaire, coRepresentant, enfants, contacts } = validation.declaration;
  if (await tx.representant.findFirst({ where: { usagerId: demande.usagerId }, select: { id: true } })) {
    throw new AppError("deja_famille", "Le demandeur est déjà rattaché à une famille.");
  }
  const candidats = await enfantsDejaConnus(tx, enfants);
  verifierRattachements(rattachements, candidats);

  const adresseFamille = await creerAdresse(tx, titulaire.adresse as AdresseSaisie);
  const famille = await tx.famille.create({ data: { cleEnfance: await cleEnfanceLibre(tx) } });
  await tx.representant.create({
    data: {
      ...donneesRepresentant(titulaire),
      familleId: famille.id,
      role: "TITULAIRE",
      usagerId: demande.usagerId,
      adresseId: adresseFamille,
    },
  });
  if (coRepresentant) {
    const adresseId = coRepresentant.adresse ? await creerAdresse(tx, coRepresentant.adresse) : adresseFamille;
    await tx.representant.create({
      data: { ...donneesRepresentant(coRepresentant), familleId: famille.id, role: "CO_REPRESENTANT", adresseId },
    });
  }
  const enfantsCrees = new Map<string, string>();
  for (const enfant of enfants) {
    const connu = rattachements[enfant.id];
    if (connu) {
      await tx.familleEnfant.create({ data: { familleId: famille.id, enfantId: connu } });
      enfantsCrees.set(enfant.id, connu);
      continue;
    }
    const cree = await tx.enfant.create({
      data: {
        ...donneesEnfant(enfant),
        adresseId: enfant.adresse ? await creerAdresse(tx, enfant.adresse) : null,
        familles: { create: { familleId: famille.id } },
      },
      select: { id: true },
    });
    enfantsCrees.set(enfant.id, cree.id);
  }
  const contactsCrees = new Map<string, string>();
  for (const contact of contacts) {
    const cree = await tx.contact.create({
      data: {
        familleId: famille.id,
        ...donneesContact(contact),
        // each child's « Venir chercher » and « À prévenir » start from the family-wide answers (ContactEnfant)
        enfants: {
          create: [...enfantsCrees.values()].map((enfantId) => ({
            enfantId,
            autoriseRecuperer: contact.autoriseRecuperer,
            aPrevenir: contact.aPrevenir,
          })),
        },
      },
      select: { id: true },
    });
    contactsCrees.set(contact.id, cree.id);
  }
  await noterDecisions(tx, demande.id, rattachements, candidats);
  await tx.demande.update({ where: { id: demande.id }, data: { familleId: famille.id } });
  return { famille, enfants: enfantsCrees, contacts: contactsCrees };
}
