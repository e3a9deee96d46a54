// The school year and the activities parents enrol in, as the seed lists them (CRÉER UNE INSCRIPTION), with
// their lieux, groupes, units and the pièces each asks for. Idempotent: upserts by code and name.
import { db } from "@/lib/db";
import type { TypeActivite, TypePiece } from "@/lib/generated/prisma/enums";

const GROUPES = ["Petite section", "Moyenne section", "Grande section", "CP", "CE1", "CE2", "CM1", "CM2"];
const UNITES: Record<TypeActivite, [string, string][]> = {
  RESTAURATION: [
    ["MENU_CLASSIQUE", "Menu Classique"],
    ["MENU_VEGETARIEN", "Menu Végétarien"],
  ],
  GARDERIE: [
    ["MATIN", "Matin"],
    ["SOIR", "Soir"],
  ],
};
/** The seed: "Il est obligatoire de joindre un justificatif de domicile et les pages parents et enfant du livret de famille." */
const PIECES: [TypePiece, boolean][] = [
  ["JUSTIFICATIF_DOMICILE", true],
  ["LIVRET_FAMILLE", true],
  ["JUGEMENT_SEPARATION", false],
  ["ACTE_NAISSANCE", false],
  ["ATTESTATION_CAF", false],
  ["RESPONSABILITE_CIVILE", false],
  ["CALENDRIER_GARDE", false],
];

export const ACTIVITES: { code: string; libelle: string; type: TypeActivite; ecole: string; description: string }[] = [
  {
    code: "RESTAURATION_PRIVEE",
    libelle: "Inscription à la restauration (école privée).",
    type: "RESTAURATION",
    ecole: "École privée",
    description: "La restauration scolaire (cantine) des enfants scolarisés à l'école privée, les jours d'école.",
  },
  {
    code: "RESTAURATION_PUBLIQUE",
    libelle: "Inscription à la restauration (école publique).",
    type: "RESTAURATION",
    ecole: "École publique",
    description: "La restauration scolaire (cantine) des enfants scolarisés à l'école publique, les jours d'école.",
  },
  {
    code: "GARDERIE_PRIVEE",
    libelle: "Inscription en garderie (école privée)",
    type: "GARDERIE",
    ecole: "École privée",
    description:
      "L'accueil périscolaire (garderie) du matin avant la classe et du soir après la classe, à l'école privée.",
  },
  {
    code: "GARDERIE_PUBLIQUE",
    libelle: "Inscription en garderie (école publique)",
    type: "GARDERIE",
    ecole: "École publique",
    description:
      "L'accueil périscolaire (garderie) du matin avant la classe et du soir après la classe, à l'école publique.",
  },
];

/** The year 2026-2027, open to inscriptions; reservations from the 1st of August before. */
export async function seedActivites(commune: string): Promise<void> {
  await db().anneeScolaire.upsert({
    where: { libelle: "2026-2027" },
    create: {
      libelle: "2026-2027",
      dateDebut: new Date("2026-09-01T00:00:00Z"),
      dateFin: new Date("2027-07-03T00:00:00Z"),
      ouvertureReservations: new Date("2026-08-01T00:00:00Z"),
      inscriptionsOuvertes: true,
    },
    update: {},
  });
  for (const [ordre, a] of ACTIVITES.entries()) {
    const activite = await db().activite.upsert({
      where: { code: a.code },
      create: { code: a.code, libelle: a.libelle, type: a.type, description: a.description, ordre },
      update: {},
    });
    await db().lieu.createMany({
      data: [{ activiteId: activite.id, nom: `${a.ecole} de ${commune}` }],
      skipDuplicates: true,
    });
    await db().groupe.createMany({
      data: GROUPES.map((libelle, rang) => ({ activiteId: activite.id, libelle, ordre: rang })),
      skipDuplicates: true,
    });
    await db().unite.createMany({
      data: UNITES[a.type].map(([code, libelle], rang) => ({ activiteId: activite.id, code, libelle, ordre: rang })),
      skipDuplicates: true,
    });
    await db().activitePiece.createMany({
      data: PIECES.map(([type, obligatoire]) => ({ activiteId: activite.id, type, obligatoire })),
      skipDuplicates: true,
    });
  }
}
