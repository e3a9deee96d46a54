// The commune's settings and documents (needed by every install and test), and the demo data of
// `npm run demo`: an activated parent whose family is validated (two children), a parent whose Ajout de
// famille waits for the agents, an agent and an admin. Idempotent: running it twice changes nothing.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { chiffrerSecretTotp } from "@/lib/auth/totp";
import { creerAgent } from "@/lib/domain/agent/creer";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { declarerFamille, titulaireDe } from "@/prisma/demo-familles";
import { seedActivites } from "@/prisma/demo-activites";
import { seedPortail } from "@/prisma/demo-portail";
import { publierDocument } from "@/lib/domain/commune/publier-document";
import { seedFacturationDemo } from "@/prisma/demo-facturation";
import { seedPrelevementDemo } from "@/prisma/demo-prelevement";
import { seedPesDemo } from "@/prisma/demo-pes";
import { seedQuotidienDemo } from "@/prisma/demo-quotidien";
import { seedFenetreDemo } from "@/prisma/demo-fenetre";
import { inscrireEnfantsDemo, seedReservations } from "@/prisma/demo-reservations";
import { DEMO_ADMIN, DEMO_ADMIN_TOTP, DEMO_AGENT, DEMO_PARENT, DEMO_PARENT_EN_ATTENTE } from "@/prisma/demo-comptes";
import type { Prisma, Usager } from "@/lib/generated/prisma/client";

export interface DemoLogin {
  role: string;
  identifiant: string;
  motDePasse: string;
  /** the TOTP secret to add to an authenticator app, for accounts that need a code */
  totp?: string;
}

/** The seed's CGU; {commune} is replaced by the commune's name where they are shown. */
const CGU_V1 = `CONDITIONS GENERALES D'UTILISATION

PRÉAMBULE

La ville de {commune} - ci-après dénommée la Collectivité - propose un guichet en ligne - ci-après dénommé le Service - contribuant à simplifier les démarches administratives des usagers. L'utilisation du Service est facultative et gratuite hors coûts de connexion. Les usagers choisissent librement les services en ligne auxquels ils souhaitent accéder de façon privilégiée et les données qu'ils souhaitent conserver dans leur compte citoyen. Toute utilisation du Service suppose la consultation et l'acceptation préalable des présentes conditions générales d'utilisation (CGU).

L'utilisateur du Service - ci-après dénommé l'Usager - s'engage à respecter l'ensemble des prescriptions définies au sein des présentes CGU.

Définitions :

- La Collectivité : La Ville de {commune} ;
- Le Service : le guichet en ligne accessible depuis le site institutionnel de la collectivité ;
- CGU : les conditions générales d'utilisation ;
- L'usager : l'utilisateur du Service, quel que soit son profil : particulier, professionnel ou association.

OBJET

Le présent document a pour objet de définir les conditions d'accès et d'utilisation générale du Service.

ENGAGEMENTS ET RESPONSABILITÉ

La Collectivité s'engage à prendre toutes précautions utiles pour préserver la sécurité des données collectées auprès de l'Usager, et notamment empêcher qu'elles soient déformées, endommagées ou que des tiers non autorisés y aient accès. A ce titre, aucune donnée de transaction financière n'est conservée par la Collectivité.

Tous documents ou données conservés par l'Usager dans son espace de stockage relèvent de sa responsabilité exclusive. L'utilisation de l'espace de stockage n'exonère pas l'Usager de la conservation matérielle de tout document dont il aurait pu déposer une copie numérisée dans cet espace.

Il est rappelé que toute personne procédant à une fausse déclaration pour elle-même ou pour autrui s'expose, notamment, aux sanctions prévues à l'article 441-1 du Code Pénal, prévoyant des peines pouvant aller jusqu'à trois ans d'emprisonnement et 45 000 euros d'amende.

Conformément aux dispositions de l'article 4 de l'ordonnance n°2005-1516 du 8 décembre 2005, les présentes conditions générales s'imposent à tout Usager du Service.

Textes officiels

- Loi n°78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés ;
- Ordonnance n°2005-1516 du 8 décembre 2005 relative aux échanges électroniques entre les usagers et les autorités administratives et entre les autorités administratives ;
- Décret n°2009-730 du 18 juin 2009 relatif à l'espace de stockage accessible en ligne pris en application de l'article 7 de l'ordonnance n°2005-1516 du 8 décembre 2005 relative aux échanges électroniques entre les usagers et les autorités administratives et entre les autorités administratives.
- RÈGLEMENT (UE) 2016/679 DU PARLEMENT EUROPÉEN ET DU CONSEIL du 27 avril 2016 relatif à la protection des personnes physiques à l'égard du traitement des données à caractère personnel et à la libre circulation de ces données, et abrogeant la directive 95/46/CE (règlement général sur la protection des données)`;

export async function seedCommune(nom = process.env.COMMUNE_NOM ?? "Villefranque"): Promise<void> {
  await db().commune.upsert({
    where: { id: 1 },
    create: {
      id: 1,
      nom,
      serviceNom: "Service Enfance",
      serviceEmail: process.env.COMMUNE_EMAIL ?? "enfance@mairie-villefranque.fr",
      telephone: "05 59 44 00 00",
      adresse: "Place de la Mairie, 64990 Villefranque",
      siteUrl: process.env.COMMUNE_SITE_URL ?? null,
    },
    update: {},
  });
  await db().documentVersion.upsert({
    where: { type_version: { type: "CGU", version: 1 } },
    create: { type: "CGU", version: 1, contenu: CGU_V1 },
    update: {},
  });
}

/** The demo's règlement intérieur of the restauration scolaire and the garderie; {commune} as in the CGU. */
const REGLEMENT_DEMO = `RÈGLEMENT INTÉRIEUR DE LA RESTAURATION SCOLAIRE ET DE LA GARDERIE PÉRISCOLAIRE

Article 1 - Objet
Le présent règlement fixe les conditions de fonctionnement de la restauration scolaire et de la garderie périscolaire organisées par la commune de {commune} pour les enfants des écoles.

Article 2 - Inscription
L'inscription est annuelle et se fait sur le Portail Famille. Elle n'est définitive qu'après validation par le service Enfance, une fois le dossier complet (pièces justificatives, attestation sur l'honneur, dossier santé).

Article 3 - Réservations
Les repas et les présences à la garderie se réservent sur le Portail Famille, dans les délais fixés par la commune. Un repas non réservé peut être refusé.

Article 4 - Santé
Les allergies et régimes sont signalés dans le dossier santé. Un enfant allergique n'est accueilli qu'avec un projet d'accueil individualisé (PAI) signé.

Article 5 - Facturation
Les prestations sont facturées chaque mois selon le quotient familial. Une absence justifiée dans les délais n'est pas facturée.

Article 6 - Discipline
Le respect des autres enfants, du personnel et de la nourriture est attendu de chacun. Un comportement dangereux peut entraîner une exclusion temporaire, après information de la famille.`;

/** The commune's directory of doctors ("Rechercher un médecin"), fictitious for the demo; agents keep the real one. */
export async function seedMedecins(): Promise<void> {
  if ((await db().medecin.count()) > 0) return;
  await db().medecin.createMany({
    data: [
      { nom: "Etcheverry", prenom: "Amaia", commune: "Villefranque", telephone: "0559440101" },
      { nom: "Dufau", prenom: "Laurent", commune: "Villefranque", telephone: "0559440202" },
      { nom: "Harriet", prenom: "Sophie", commune: "Ustaritz", telephone: "0559930303" },
      { nom: "Bidart", prenom: "Xabi", commune: "Mouguerre", telephone: "0559310404" },
      { nom: "Lafitte", prenom: "Claire", commune: "Bayonne", telephone: "0559250505" },
    ],
  });
}

export { DEMO_ADMIN, DEMO_ADMIN_TOTP, DEMO_AGENT, DEMO_PARENT, DEMO_PARENT_EN_ATTENTE };

/** An activated space, created unless it exists. */
async function espaceDemo(
  identifiant: string,
  motDePasse: string,
  data: Omit<
    Prisma.UsagerCreateInput,
    "identifiant" | "identifiantNormalise" | "courrielNormalise" | "passwordHash" | "cguVersion" | "cguAcceptedAt"
  >,
): Promise<Usager> {
  const existing = await db().usager.findUnique({ where: { identifiantNormalise: identifiant } });
  if (existing) return existing;
  return db().usager.create({
    data: {
      ...data,
      identifiant,
      identifiantNormalise: identifiant,
      courrielNormalise: data.courriel.toLowerCase(),
      passwordHash: await hashPassword(motDePasse),
      cguVersion: 1,
      cguAcceptedAt: new Date(),
      activatedAt: new Date(),
    },
  });
}

export async function seedDemo(): Promise<DemoLogin[]> {
  await seedCommune();
  await seedActivites((await db().commune.findUniqueOrThrow({ where: { id: 1 } })).nom);
  await seedMedecins();
  const adresse = {
    adresseNumero: "65",
    adresseVoie: "Route de Saint Pierre d'Irube",
    codePostal: "64990",
    ville: "Villefranque",
    pays: "France",
  };
  const claire = await espaceDemo(DEMO_PARENT.identifiant, DEMO_PARENT.motDePasse, {
    courriel: "claire.etchart@exemple.fr",
    civilite: "MADAME",
    nomUsage: "Etchart",
    prenoms: "Claire",
    dateNaissance: new Date("1988-04-12T00:00:00Z"),
    ...adresse,
    mobile: "0612345678",
    moyenContactPrefere: "COURRIEL",
  });
  const jean = await espaceDemo(DEMO_PARENT_EN_ATTENTE.identifiant, DEMO_PARENT_EN_ATTENTE.motDePasse, {
    courriel: "jean.duhalde@exemple.fr",
    civilite: "MONSIEUR",
    nomUsage: "Duhalde",
    prenoms: "Jean",
    adresseNumero: "12",
    adresseVoie: "Chemin de Lissalde",
    codePostal: "64990",
    ville: "Villefranque",
    pays: "France",
    mobile: "0698765432",
  });
  const agents: Record<string, string> = {};
  for (const [compte, role, nom, prenom] of [
    [DEMO_AGENT, "AGENT", "Irigoyen", "Maite"],
    [DEMO_ADMIN, "ADMIN", "Larralde", "Peio"],
  ] as const) {
    const known = await db().agent.findUnique({ where: { identifiantNormalise: compte.identifiant } });
    agents[compte.identifiant] =
      known?.id ??
      (await creerAgent(
        {
          identifiant: compte.identifiant,
          courriel: `${compte.identifiant}@mairie-villefranque.fr`,
          nom,
          prenom,
          role,
          motDePasse: compte.motDePasse,
        },
        { par: "seed" },
      ));
  }

  // The demo administrator reads the dossiers santé: the access to health data goes with the second factor
  // (issue 30), which admin.demo has (below) and agent.demo, a password-only account, has not. They also emit
  // the invoices (FACTURATION), so the demo bills.
  await db().agent.update({
    where: { id: agents[DEMO_ADMIN.identifiant]! },
    data: { permissions: ["SANTE", "FACTURATION"] },
  });

  // An admin must use TOTP: admin.demo's is enrolled with the fixed demo secret (again after a reset).
  const adminId = agents[DEMO_ADMIN.identifiant]!;
  await db().agent.updateMany({
    where: { id: adminId, totpActiveAt: null },
    data: {
      totpSecretChiffre: chiffrerSecretTotp(adminId, DEMO_ADMIN_TOTP),
      totpActiveAt: new Date(),
      totpDernierPas: null,
    },
  });

  // Claire's family, declared, deposited and accepted by Maite: Mon accueil shows Henri and Louise.
  if (!(await db().demande.findFirst({ where: { usagerId: claire.id } }))) {
    const demandeId = await declarerFamille(claire, {
      titulaire: { ...titulaireDe(claire, "MERE"), profession: "Infirmière", modaliteContact: "COURRIEL" },
      coRepresentant: {
        civilite: "MONSIEUR",
        nomUsage: "Etchart",
        prenom: "Mikel",
        telephonePortable: "0611223344",
        qualite: "PERE",
        autoriteParentale: "oui",
        memeAdresse: "on",
      },
      enfants: [
        {
          sexe: "MASCULIN",
          nom: "Etchart",
          prenoms: "Henri",
          dateNaissance: "2020-05-01",
          lieuNaissance: "Bayonne",
          memeAdresse: "on",
        },
        {
          sexe: "FEMININ",
          nom: "Etchart",
          prenoms: "Louise",
          dateNaissance: "2022-09-12",
          lieuNaissance: "Bayonne",
          memeAdresse: "on",
        },
      ],
      contacts: [
        {
          nom: "Etchart",
          prenom: "Maddi",
          lien: "Grand-mère",
          telephonePortable: "0655443322",
          aPrevenir: "on",
          autoriseRecuperer: "on",
        },
      ],
    });
    await deposerDemande({ demarches: DEMARCHES, usagerId: claire.id, demandeId });
    await deciderDemande({
      demarches: DEMARCHES,
      agent: { id: agents[DEMO_AGENT.identifiant]!, prenom: "Maite", nom: "Irigoyen" },
      demandeId,
      decision: "accepter",
    });
  }
  // Jean's declaration waits in the agents' queue.
  if (!(await db().demande.findFirst({ where: { usagerId: jean.id } }))) {
    const demandeId = await declarerFamille(jean, {
      titulaire: titulaireDe(jean, "PERE"),
      enfants: [{ sexe: "FEMININ", nom: "Duhalde", prenoms: "Ane", dateNaissance: "2018-03-21", memeAdresse: "on" }],
    });
    await deposerDemande({ demarches: DEMARCHES, usagerId: jean.id, demandeId });
  }
  await seedPortail(agents[DEMO_AGENT.identifiant]!);
  // the "ici" link of the inscription's attestation and the Documents utiles open a real règlement
  if (!(await db().documentVersion.findFirst({ where: { type: "REGLEMENT_INTERIEUR" } }))) {
    await publierDocument({
      agentId: agents[DEMO_ADMIN.identifiant]!,
      type: "REGLEMENT_INTERIEUR",
      contenu: REGLEMENT_DEMO,
    });
  }
  await seedReservations();
  await inscrireEnfantsDemo(claire.id, { id: agents[DEMO_AGENT.identifiant]!, prenom: "Maite", nom: "Irigoyen" });
  // Claire's family pays by prélèvement: its mandate before September is invoiced, so the invoice is pre-notified
  await seedPrelevementDemo(claire.id);
  await seedFacturationDemo(claire.id, agents[DEMO_AGENT.identifiant]!);
  // Claire was born in Bayonne: with it, API Particulier's stand-in finds her CAF file (850 €) once she consents
  await db().representant.updateMany({ where: { usagerId: claire.id }, data: { codeInseeNaissance: "64102" } });
  // September's titres de recettes for the comptable public, downloadable by the administrator
  await seedPesDemo(agents[DEMO_ADMIN.identifiant]!);
  // the console's Monday: absences declared this morning, last week's pointage, the kitchen orders frozen
  await seedQuotidienDemo({ id: agents[DEMO_AGENT.identifiant]!, prenom: "Maite", nom: "Irigoyen" });
  // a booking window collecting on the canteen: the banner of Louise's and Henri's calendars, the console's page
  await seedFenetreDemo(agents[DEMO_AGENT.identifiant]!);
  return [
    { role: "Parent (famille validée)", ...DEMO_PARENT },
    { role: "Parent (ajout de famille en attente)", ...DEMO_PARENT_EN_ATTENTE },
    { role: "Agent", ...DEMO_AGENT },
    { role: "Administrateur", ...DEMO_ADMIN, totp: DEMO_ADMIN_TOTP },
  ];
}

// `npm run db:seed`
if (process.argv[1]?.endsWith("seed.ts")) {
  seedDemo()
    .then((logins) =>
      console.log(
        logins
          .map((l) => `${l.role} : ${l.identifiant} / ${l.motDePasse}${l.totp ? ` (clé TOTP ${l.totp})` : ""}`)
          .join("\n"),
      ),
    )
    .finally(() => db().$disconnect());
}
