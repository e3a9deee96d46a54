// The transport scolaire on PostgreSQL: a parent signals that a child takes the bus (a démarche for the agents,
// its recap for the parent and the agent), the acceptance records the answer (the latest applies, a later « Non »
// clears it), a refusal records nothing; another family's child and a commune without an operator are refused;
// the operator is a commune setting (empty: none); and the day's lists (cantine and garderie) mark the child who
// leaves by bus on the days of its answer only.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { modifierCommune } from "@/lib/domain/commune/modifier";
import { communeSchema } from "@/lib/domain/commune/schemas";
import { listeDuJour } from "@/lib/domain/pointage/liste";
import { DEMARCHE_TRANSPORT_SCOLAIRE } from "@/lib/domain/transport/demarche";
import { busDuJour, pageTransport, transportActuel } from "@/lib/domain/transport/queries";
import { signalerTransport, type Signalement } from "@/lib/domain/transport/signaler";
import { transportEnClair } from "@/lib/domain/transport/texte";
import { familleInscrite, preparerCommune, reserver, type Activites } from "./absence-fixtures";

const OPERATEUR = "TXIK TXAK";
const BUS: Signalement = { prendLeBus: true, jours: [4, 1, 2], matin: true, soir: true };
let activites: Activites;

beforeAll(async () => {
  activites = await preparerCommune();
  await db().commune.update({ where: { id: 1 }, data: { transportOperateur: OPERATEUR } });
}, 120_000);

type Famille = Awaited<ReturnType<typeof familleInscrite>>;

async function signalerEtDecider(f: Famille, signalement: Signalement, decision: "accepter" | "refuser") {
  const { numero } = await signalerTransport({ usagerId: f.usager.id, enfantId: f.enfantId, signalement });
  const demande = await db().demande.findUniqueOrThrow({ where: { numero } });
  await deciderDemande({
    demarches: DEMARCHES,
    agent: f.instructeur,
    demandeId: demande.id,
    decision,
    motif: decision === "refuser" ? "Votre enfant n'est pas inscrit auprès du transporteur." : null,
  });
  return demande;
}

const refus = async (promesse: Promise<unknown>) => {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return erreur as AppError;
};

describe("the transport scolaire démarche", () => {
  it("deposits the parent's answer for the agents, with its recap for the parent and the agent", async () => {
    const f = await familleInscrite("Transportaguerre", [activites.cantine.id]);
    const { numero } = await signalerTransport({ usagerId: f.usager.id, enfantId: f.enfantId, signalement: BUS });
    const demande = await db().demande.findUniqueOrThrow({ where: { numero } });
    expect(demande).toMatchObject({
      type: "TRANSPORT_SCOLAIRE",
      statut: "DEPOSEE",
      enfantId: f.enfantId,
      familleId: f.familleId,
    });
    const attendu = [
      {
        titre: "Transport scolaire",
        lignes: [
          { libelle: "Enfant", valeur: "Henri" },
          { libelle: "Prend le transport scolaire", valeur: "Oui" },
          { libelle: "Jours", valeur: "lundi, mardi, jeudi" },
          { libelle: "Trajets", valeur: "matin et soir" },
          { libelle: "Transporteur", valeur: OPERATEUR },
        ],
      },
    ];
    expect(await DEMARCHE_TRANSPORT_SCOLAIRE.recap.usager(demande)).toEqual(attendu);
    expect(await DEMARCHE_TRANSPORT_SCOLAIRE.recap.agent(demande)).toEqual(attendu);
    // nothing applies before the agents decide, and a second signalement waits for the first
    expect(await transportActuel(db(), f.enfantId)).toBeNull();
    expect((await pageTransport({ usagerId: f.usager.id, enfantId: f.enfantId }))?.enCours).toBe(numero);
    const deuxieme = await refus(signalerTransport({ usagerId: f.usager.id, enfantId: f.enfantId, signalement: BUS }));
    expect(deuxieme.code).toBe("en_cours");
  });

  it("refuses a « Oui » without a day or without a trip, beside the field", async () => {
    const f = await familleInscrite("Transportbidart", [activites.cantine.id]);
    const sansJour = await refus(
      signalerTransport({ usagerId: f.usager.id, enfantId: f.enfantId, signalement: { ...BUS, jours: [] } }),
    );
    expect(sansJour).toMatchObject({ field: "jours", message: "Cochez au moins un jour de transport." });
    const sansTrajet = await refus(
      signalerTransport({
        usagerId: f.usager.id,
        enfantId: f.enfantId,
        signalement: { ...BUS, matin: false, soir: false },
      }),
    );
    expect(sansTrajet.field).toBe("trajets");
    expect(await db().demande.count({ where: { type: "TRANSPORT_SCOLAIRE", enfantId: f.enfantId } })).toBe(0);
  });

  it("records the accepted answer; the latest applies, and a « Non » afterwards clears it", async () => {
    const f = await familleInscrite("Transportcastillon", [activites.cantine.id]);
    const acceptee = await signalerEtDecider(f, BUS, "accepter");
    expect(await db().transportScolaire.findUniqueOrThrow({ where: { demandeId: acceptee.id } })).toMatchObject({
      enfantId: f.enfantId,
      familleId: f.familleId,
      prendLeBus: true,
      jours: [1, 2, 4],
      matin: true,
      soir: true,
    });
    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: f.usager.courriel, subject: { contains: String(acceptee.numero) } },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.text).toContain("Le transport scolaire de Henri est enregistré par le service Enfance.");
    const page = await pageTransport({ usagerId: f.usager.id, enfantId: f.enfantId });
    expect(transportEnClair(page!.actuel!)).toBe("Prend le bus : lundi, mardi, jeudi — matin et soir");

    await signalerEtDecider(f, { prendLeBus: true, jours: [5], matin: false, soir: true }, "accepter");
    expect(await transportActuel(db(), f.enfantId)).toEqual({ prendLeBus: true, jours: [5], matin: false, soir: true });
    expect((await busDuJour([f.enfantId], "2026-09-18")).get(f.enfantId)).toEqual({ matin: false, soir: true });

    await signalerEtDecider(f, { prendLeBus: false, jours: [1], matin: true, soir: false }, "accepter");
    const non = await transportActuel(db(), f.enfantId);
    expect(non).toEqual({ prendLeBus: false, jours: [], matin: false, soir: false });
    expect(transportEnClair(non!)).toBe("Ne prend pas le transport scolaire");
    expect((await busDuJour([f.enfantId], "2026-09-18")).size).toBe(0);
  });

  it("records nothing when the agents refuse", async () => {
    const f = await familleInscrite("Transportdaguerre", [activites.cantine.id]);
    const refusee = await signalerEtDecider(f, BUS, "refuser");
    expect((await db().demande.findUniqueOrThrow({ where: { id: refusee.id } })).statut).toBe("REFUSEE");
    expect(await db().transportScolaire.count({ where: { enfantId: f.enfantId } })).toBe(0);
  });

  it("is not found for another family's child, and refused when the commune has no operator", async () => {
    const f = await familleInscrite("Transportelissalde", [activites.cantine.id]);
    const autre = await familleInscrite("Transportfagoaga", [activites.cantine.id]);
    expect(await pageTransport({ usagerId: autre.usager.id, enfantId: f.enfantId })).toBeNull();
    const etranger = await refus(
      signalerTransport({ usagerId: autre.usager.id, enfantId: f.enfantId, signalement: BUS }),
    );
    expect(etranger.code).toBe("introuvable");

    await db().commune.update({ where: { id: 1 }, data: { transportOperateur: null } });
    try {
      expect(await pageTransport({ usagerId: f.usager.id, enfantId: f.enfantId })).toBeNull();
      const sans = await refus(signalerTransport({ usagerId: f.usager.id, enfantId: f.enfantId, signalement: BUS }));
      expect(sans.code).toBe("sans_transport");
    } finally {
      await db().commune.update({ where: { id: 1 }, data: { transportOperateur: OPERATEUR } });
    }
    expect(await db().demande.count({ where: { type: "TRANSPORT_SCOLAIRE", enfantId: f.enfantId } })).toBe(0);
  });
});

describe("the operator, a commune setting", () => {
  it("is edited in Paramétrage and journaled; emptied, it becomes null", async () => {
    const f = await familleInscrite("Transportgoyhetche", []);
    const commune = await db().commune.findUniqueOrThrow({ where: { id: 1 } });
    const saisie = (transportOperateur: string) =>
      communeSchema.parse({
        nom: commune.nom,
        serviceNom: commune.serviceNom,
        serviceEmail: commune.serviceEmail,
        adresse: commune.adresse ?? "",
        telephone: commune.telephone ?? "",
        siteUrl: commune.siteUrl ?? "",
        traiteurCourriel: commune.traiteurCourriel ?? "",
        delaiJustificatifHeures: String(commune.delaiJustificatifHeures),
        heureLimiteMaladie: commune.heureLimiteMaladie,
        transportOperateur,
      });
    expect(saisie("   ").transportOperateur).toBeNull();
    try {
      await modifierCommune({ agentId: f.instructeur.id, saisie: saisie(" ") });
      expect((await db().commune.findUniqueOrThrow({ where: { id: 1 } })).transportOperateur).toBeNull();
      const entree = await db().journalEntry.findFirstOrThrow({
        where: { event: "commune.modifiee", actorId: f.instructeur.id },
        orderBy: { id: "desc" },
      });
      expect(entree.details).toEqual({
        changements: [{ champ: "transportOperateur", avant: OPERATEUR, apres: null }],
      });
    } finally {
      await modifierCommune({ agentId: f.instructeur.id, saisie: saisie(OPERATEUR) });
    }
    expect((await db().commune.findUniqueOrThrow({ where: { id: 1 } })).transportOperateur).toBe(OPERATEUR);
  });
});

describe("the day's lists", () => {
  it("mark a child who leaves by bus on a day of its answer (cantine and garderie), not on another day", async () => {
    const f = await familleInscrite("Transporthiriart", [activites.cantine.id, activites.garderie.id]);
    await reserver(f, 0, activites.cantine.classique, "2026-09-14", "2026-09-15");
    await reserver(f, 1, activites.garderie.soir, "2026-09-14", "2026-09-15");
    await signalerEtDecider(f, { prendLeBus: true, jours: [1, 4], matin: false, soir: true }, "accepter");
    const enfantDuJour = async (date: string) => {
      const { lieux } = await listeDuJour({ agentId: f.instructeur.id, date });
      return lieux.flatMap((l) =>
        l.unites.flatMap((u) => u.enfants.filter((e) => e.enfantId === f.enfantId).map((e) => ({ type: l.type, e }))),
      );
    };
    const lundi = await enfantDuJour("2026-09-14");
    expect(lundi.map((l) => l.type).sort()).toEqual(["GARDERIE", "RESTAURATION"]);
    for (const { e } of lundi) expect(e.bus).toEqual({ matin: false, soir: true });
    const mardi = await enfantDuJour("2026-09-15");
    expect(mardi).toHaveLength(2);
    for (const { e } of mardi) expect(e.bus).toBeNull();
  });
});
