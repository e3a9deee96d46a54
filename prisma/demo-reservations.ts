// Reservations' demo settings: Menu Classique / Menu Végétarien exclusive on a day, garderie Matin / Soir
// independent, the deadlines of the issue, the zone A school calendar from the committed snapshot, and the
// opening days of every activity for the open year. Idempotent. `inscrire` takes a child through the
// inscription démarche as a parent and an agent would (the demo's children, the tests' families).
import { db } from "@/lib/db";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { commencerInscription, enregistrerInscription } from "@/lib/domain/inscription/brouillon";
import { ATTESTATIONS, PERMISSIONS } from "@/lib/domain/inscription/regles";
import { deposerPiece } from "@/lib/domain/piece/pieces";
import { piecesNonVerifiees } from "@/lib/domain/inscription/pieces-verifiees";
import type { Delai } from "@/lib/domain/calendrier/delais";
import { enregistrerJours } from "@/lib/domain/calendrier/enregistrer-jours";
import { importerCalendrierScolaire } from "@/lib/domain/calendrier/importer-calendrier-scolaire";
import calendrierZoneA from "@/lib/domain/calendrier/calendrier-scolaire-zone-a.json";
import type { TypeActivite } from "@/lib/generated/prisma/enums";
import { reserverJours } from "@/prisma/demo-facturation";

export const DELAIS: Record<TypeActivite, Delai> = {
  RESTAURATION: { type: "JOUR_SEMAINE_PRECEDENTE", jour: 4, heure: "12:00" },
  GARDERIE: { type: "J_MOINS", n: 1, ouvres: false, heure: "18:00" },
};

export async function seedReservations(): Promise<void> {
  await importerCalendrierScolaire({ donnees: calendrierZoneA });
  for (const activite of await db().activite.findMany()) {
    await db().activite.update({
      where: { id: activite.id },
      data: { delaiReservation: DELAIS[activite.type], delaiAnnulation: DELAIS[activite.type] },
    });
    if (activite.type === "RESTAURATION") {
      await db().unite.updateMany({ where: { activiteId: activite.id }, data: { exclusive: true } });
    }
  }
  const annee = await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } });
  for (const activite of await db().activite.findMany({ select: { id: true } })) {
    await enregistrerJours({ activiteId: activite.id, anneeId: annee.id });
  }
}

const PDF =
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

/**
 * A child's inscription, deposited by the parent and accepted by an agent: the Inscription's id. `unites`: the
 * units the parent ticks (Inscription.unitesSouscrites); without it, the first unit is answered and the
 * inscription then subscribes every unit (an empty list), as the tests' families book any menu.
 */
export async function inscrire({
  agent,
  unites,
  ...inscription
}: {
  usagerId: string;
  enfantId: string;
  activiteId: number;
  agent: { id: string; prenom: string; nom: string };
  unites?: number[];
}): Promise<string> {
  const demandeId = await deposerInscription({ ...inscription, unites });
  // the agent accepts the pieces unchecked, as the console lets them once named
  const piecesVues = (await piecesNonVerifiees(demandeId)).map((piece) => piece.id);
  await deciderDemande({
    demarches: DEMARCHES,
    agent,
    demandeId,
    decision: "accepter",
    piecesNonVerifiees: piecesVues,
  });
  const { id } = await db().inscription.findUniqueOrThrow({ where: { demandeId } });
  if (!unites) await db().inscription.update({ where: { id }, data: { unitesSouscrites: [] } });
  return id;
}

/** A child's inscription as the parent deposits it, its two pieces uploaded (not checked yet): the demande's id. */
export async function deposerInscription({
  usagerId,
  enfantId,
  activiteId,
  unites,
}: {
  usagerId: string;
  enfantId: string;
  activiteId: number;
  /** the units ticked (a menu: the radio « unite »; garderie Matin, Soir: their boxes); by default the first */
  unites?: number[];
}): Promise<string> {
  const demandeId = await commencerInscription({ usagerId, enfantId, activiteId });
  const activite = await db().activite.findUniqueOrThrow({
    where: { id: activiteId },
    include: {
      lieux: { orderBy: { ordre: "asc" } },
      groupes: { orderBy: { ordre: "asc" } },
      unites: { orderBy: { ordre: "asc" } },
    },
  });
  const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });
  const contacts = await db().contact.findMany({ where: { familleId: demande.familleId! } });
  for (const [type, nom] of [
    ["JUSTIFICATIF_DOMICILE", "justificatif-domicile-inscription.pdf"],
    ["LIVRET_FAMILLE", "livret-famille-inscription.pdf"],
  ] as const) {
    await deposerPiece({ usagerId, type, fichier: new File([PDF], nom, { type: "application/pdf" }), demandeId });
  }
  await enregistrerInscription({
    usagerId,
    demandeId,
    etape2: true,
    values: {
      lieu: String(activite.lieux[0]!.id),
      groupe: String(activite.groupes[3]!.id),
      ...Object.fromEntries(
        (unites ?? [activite.unites[0]!.id]).map((id) =>
          activite.unites.find((u) => u.id === id)?.exclusive ? ["unite", String(id)] : [`unite-${id}`, "on"],
        ),
      ),
      ...Object.fromEntries(Object.keys(PERMISSIONS).map((cle) => [`permission-${cle}`, "AUTORISE"])),
      ...Object.fromEntries(contacts.map((c) => [`habilitation-${c.id}`, "AUTORISE"])),
      ...Object.fromEntries(Object.keys(ATTESTATIONS).map((cle) => [`attestation-${cle}`, "on"])),
    },
  });
  await deposerDemande({ usagerId, demandeId, demarches: DEMARCHES });
  return demandeId;
}

/** The demo family's booked weeks, so the family booking view (/famille/reservations) shows days taken. */
export const DEMO_RESERVEES = { du: "2026-11-30", au: "2027-01-29" } as const;

/**
 * Louise and Henri (parent.demo) enrolled in the public school's canteen (Menu Classique) and garderie (Matin and
 * Soir), so a reviewer books for the two children at once in the family view; from the end of November to
 * January, Louise has the canteen and the garderie du soir booked, Henri the canteen and the garderie du matin.
 * (e2e/inscriptions.spec.ts walks the inscription démarche on a family of its own.)
 */
export async function inscrireEnfantsDemo(usagerId: string, agent: { id: string; prenom: string; nom: string }) {
  const { familleId } = await db().representant.findFirstOrThrow({ where: { usagerId } });
  const enfants = await db().familleEnfant.findMany({
    where: { familleId, enfant: { prenoms: { in: ["Louise", "Henri"] } } },
    include: { enfant: { select: { prenoms: true } } },
  });
  const reservees: Parameters<typeof reserverJours>[0] = [];
  for (const code of ["RESTAURATION_PUBLIQUE", "GARDERIE_PUBLIQUE"]) {
    const activite = await db().activite.findUniqueOrThrow({
      where: { code },
      include: { unites: { orderBy: { ordre: "asc" } } },
    });
    // the canteen's first menu (Menu Classique), or every garderie unit (Matin and Soir)
    const unites = activite.type === "RESTAURATION" ? [activite.unites[0]!.id] : activite.unites.map((u) => u.id);
    for (const { enfantId, enfant } of enfants) {
      const deja = await db().inscription.findFirst({ where: { enfantId, familleId, activiteId: activite.id } });
      const inscriptionId =
        deja?.id ?? (await inscrire({ usagerId, enfantId, activiteId: activite.id, agent, unites }));
      const uniteId =
        activite.type === "RESTAURATION" ? unites[0]! : enfant.prenoms === "Henri" ? unites[0]! : unites.at(-1)!;
      reservees.push({ enfantId, familleId, inscriptionId, uniteId, ...DEMO_RESERVEES });
    }
  }
  await reserverJours(reservees);
}
