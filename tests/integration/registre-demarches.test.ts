// The registry of démarches as the pages read it, on PostgreSQL, with one demande of each type: the console's
// « Type » filter of /agent/demandes lists only demandes of the type chosen, on screen and in the CSV export (its
// list of types once was typed by hand and had lost « Absence », which then showed every type, silently); and what
// a page shows differently per démarche (the notice after a deposit, the way back into a wizard, the children to
// match) comes from the démarche's definition, read from the database.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/registre-demarches-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { declarerAbsence } from "@/lib/domain/absence/declarer";
import { ouverture, ouvertureEnLettres } from "@/lib/domain/calendrier/periode";
import {
  demandePourAgent,
  demandesAExporter,
  lireFiltres,
  rechercherDemandes,
} from "@/lib/domain/demande/queries-console";
import { DEMARCHES, liensReprise } from "@/lib/domain/demarches";
import { demanderAjoutCoRepresentant } from "@/lib/domain/famille/ajouter-co-representant";
import { demanderAjoutEnfant } from "@/lib/domain/famille/ajouter-enfant";
import { demanderChangementAdresse } from "@/lib/domain/famille/changement-adresse";
import { demanderRetraitCoRepresentant } from "@/lib/domain/famille/retirer-co-representant";
import { DEMARCHE_AJOUT_FAMILLE } from "@/lib/domain/famille/demarche-ajout-famille";
import { saisirCleEnfance } from "@/lib/domain/famille/rattacher";
import { demanderContacts } from "@/lib/domain/famille/demander-contacts";
import { DEMARCHE_INSCRIPTION } from "@/lib/domain/inscription/demarche";
import { adresseSchema } from "@/lib/domain/famille/schemas";
import { champAllergie, champHabitude } from "@/lib/domain/sante/schemas";
import { demanderSuppressionEspace } from "@/lib/domain/usager/supprimer";
import { signalerTransport } from "@/lib/domain/transport/signaler";
import type { TypeDemande } from "@/lib/generated/prisma/client";
import { familleInscrite, preparerCommune, reserver } from "./absence-fixtures";
import { CO_REPRESENTANT_BIDART, usagerActive } from "./demande-fixtures";
import { dossierSanteValide } from "./inscription-fixtures";

const MDP = "Villefranque-64990!";
const TYPES = Object.keys(DEMARCHES) as TypeDemande[];

beforeAll(async () => {
  const activites = await preparerCommune();
  // one family gives the Ajout de famille and the Inscription (both accepted), then one demande of each other type
  const f = await familleInscrite("Filtreguy", [activites.cantine.id]);
  await reserver(f, 0, activites.cantine.classique, "2026-09-07", "2026-09-11");
  const deposees: { readonly [T in TypeDemande]: () => Promise<unknown> } = {
    AJOUT_FAMILLE: async () => undefined,
    INSCRIPTION: async () => undefined,
    ABSENCE: () =>
      declarerAbsence({
        usagerId: f.usager.id,
        enfantId: f.enfantId,
        debut: "2026-09-08",
        fin: "2026-09-08",
        motif: "RENDEZ_VOUS_MEDICAL",
        now: new Date("2026-09-01T10:00:00Z"),
      }),
    DOSSIER_SANTE: () =>
      dossierSanteValide(f.usager.id, f.enfantId, {
        [champHabitude("SANS_PORC")]: "on",
        [champAllergie("ARACHIDES")]: "on",
      }),
    CHANGEMENT_ADRESSE: () =>
      demanderChangementAdresse({
        usagerId: f.usager.id,
        adresse: adresseSchema.parse({
          adresseNumero: "12",
          adresseVoie: "Chemin d'Arbonne",
          codePostal: "64200",
          ville: "Biarritz",
          pays: "France",
          codeInsee: "64122",
        }),
      }),
    // a space whose identity is not the family's: its clé enfance makes a demande for the agents
    RATTACHEMENT_FAMILLE: async () => {
      const { cleEnfance } = await db().famille.findUniqueOrThrow({ where: { id: f.familleId } });
      return saisirCleEnfance({ usager: await usagerActive("Autrefois"), saisie: cleEnfance, ip: "192.0.2.121" });
    },
    SUPPRESSION_ESPACE: async () => {
      const usager = await db().usager.update({
        where: { id: f.usager.id },
        data: { passwordHash: await hashPassword(MDP) },
      });
      return demanderSuppressionEspace({ usager, motDePasse: MDP, motif: "Déménagement", ip: "192.0.2.120" });
    },
    AJOUT_ENFANT: () =>
      demanderAjoutEnfant({
        usagerId: f.usager.id,
        saisie: { sexe: "FEMININ", nom: "Filtreguy", prenoms: "Ane", dateNaissance: "2025-06-01", memeAdresse: "on" },
      }),
    AJOUT_CO_REPRESENTANT: () =>
      demanderAjoutCoRepresentant({
        usagerId: f.usager.id,
        saisie: { ...CO_REPRESENTANT_BIDART, courriel: "mikel.filtreguy@exemple.fr" },
      }),
    // another family, whose co-représentant was declared with it
    RETRAIT_CO_REPRESENTANT: async () => {
      const g = await familleInscrite("Retraitguy", []);
      const { adresseId } = await db().representant.findFirstOrThrow({ where: { familleId: g.familleId } });
      await db().representant.create({
        data: {
          familleId: g.familleId,
          role: "CO_REPRESENTANT",
          adresseId,
          civilite: "MONSIEUR",
          nomUsage: "Bidart",
          prenom: "Mikel",
          qualite: "PERE",
          autoriteParentale: true,
        },
      });
      return demanderRetraitCoRepresentant({ usagerId: g.usager.id, motif: "Séparation." });
    },
    CONTACTS_HABILITATIONS: () =>
      demanderContacts({
        usagerId: f.usager.id,
        contacts: [
          {
            id: null,
            prenom: "Jeanne",
            nom: "Mamie",
            lien: "Grand-mère",
            telephonePortable: "0612345678",
            telephoneDomicile: null,
            enfants: { [f.enfantId]: { autoriseRecuperer: true, aPrevenir: true } },
          },
        ],
      }),
    TRANSPORT_SCOLAIRE: async () => {
      await db().commune.update({ where: { id: 1 }, data: { transportOperateur: "TXIK TXAK" } });
      const signalement = { prendLeBus: true, jours: [1, 2, 4, 5], matin: false, soir: true };
      return signalerTransport({ usagerId: f.usager.id, enfantId: f.enfantId, signalement });
    },
  };
  for (const type of TYPES) await deposees[type]();
}, 120_000);

describe("the console's Type filter", () => {
  it("has a demande of every type of the registry to choose from", async () => {
    const { demandes } = await rechercherDemandes(lireFiltres({}, DEMARCHES).filtres);
    expect(new Set(demandes.map((d) => d.type))).toEqual(new Set(TYPES));
  });

  it.each(TYPES)("lists only the demandes of type %s, on screen and in the export", async (type) => {
    const { filtres, erreurs } = lireFiltres({ type }, DEMARCHES);
    expect(erreurs).toEqual({});
    expect(filtres.type).toBe(type);
    const { demandes, total } = await rechercherDemandes(filtres);
    expect(total).toBeGreaterThan(0);
    expect(demandes.map((d) => d.type)).toEqual(demandes.map(() => type));
    const exportees = await demandesAExporter(filtres);
    expect(exportees.map((d) => d.numero).sort()).toEqual(demandes.map((d) => d.numero).sort());
  });

  it("reads a type the registry does not know as no filter, never as an empty list", () => {
    expect(lireFiltres({ type: "INCONNU" }, DEMARCHES).filtres.type).toBeUndefined();
  });
});

const uneDemande = (type: TypeDemande) =>
  db().demande.findFirstOrThrow({ where: { type, numero: { not: null } }, orderBy: { numero: "asc" } });

describe("what a page shows per démarche", () => {
  it("after an Inscription's deposit, says when its school year's reservations open, and the dossier santé", async () => {
    const demande = await uneDemande("INSCRIPTION");
    const annee = await db().anneeScolaire.findUniqueOrThrow({
      where: { id: (demande.donnees as { anneeId: number }).anneeId },
    });
    const veille = new Date(ouverture(annee).getTime() - 60_000);
    const avis = await DEMARCHE_INSCRIPTION.avisApresDepot(demande, veille);
    expect(avis?.texte).toContain(`se fera à partir du ${ouvertureEnLettres(annee)}.`);
    expect(avis?.texte).toMatch(/à partir du 1er août 20\d\d\.$/);
    expect(avis?.attention).toBe("ATTENTION : Ne pas oublier de compléter le dossier santé");
    const apres = await DEMARCHE_INSCRIPTION.avisApresDepot(demande, ouverture(annee));
    expect(apres?.texte).not.toContain("à partir du");
    expect(apres?.texte).toMatch(/: les réservations sont ouvertes\.$/);
  });

  it("after an Ajout de famille's deposit, leads to the Inscrire tab of that very demande", async () => {
    const demande = await uneDemande("AJOUT_FAMILLE");
    const avis = await DEMARCHE_AJOUT_FAMILLE.avisApresDepot(demande);
    expect(avis?.lien).toEqual({
      libelle: "Créer des inscriptions",
      href: `/demandes/${demande.numero}?onglet=inscrire`,
    });
  });

  it("takes a wizard up again at its own pages, and a démarche made in one step nowhere", async () => {
    const sante = await uneDemande("DOSSIER_SANTE");
    expect(liensReprise(sante)?.reprendre).toBe(`/famille/enfants/${sante.enfantId}/sante/mettre-a-jour`);
    const inscription = await uneDemande("INSCRIPTION");
    expect(liensReprise(inscription)?.recapitulatif).toBe(`/inscriptions/${inscription.id}/recapitulatif`);
    expect(liensReprise(await uneDemande("ABSENCE"))).toBeNull();
  });

  it("gives the agent the declared children to match only for the démarche that declares them", async () => {
    const ajout = (await demandePourAgent((await uneDemande("AJOUT_FAMILLE")).numero!, DEMARCHES))!;
    // the family's child is now known: its own Ajout de famille matches it, by name and birth date
    expect(ajout.rapprochements).toMatchObject([{ declare: "Henri FILTREGUY", connus: [{ nom: "Filtreguy" }] }]);
    const absence = (await demandePourAgent((await uneDemande("ABSENCE")).numero!, DEMARCHES))!;
    expect(absence.rapprochements).toEqual([]);
  });
});
