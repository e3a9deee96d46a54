// The month's invoicing run: one invoice per family for the days it booked (garde alternée: each household for
// its own days), lines by child, activity and unit price, numbered gap-free per series and year. It runs in
// chunks of families, each chunk one transaction holding the month's advisory lock, so two runs at once never
// bill a family twice nor skip a number, and the run's row (families done / total) moves as it goes. Re-running
// a month finds every family already billed (or carried) and writes nothing.
import "server-only";
import { randomUUID } from "node:crypto";
import { createElement } from "react";
import FactureDisponible, { factureDisponibleSubject } from "@/emails/FactureDisponible";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  calculateurPrix,
  cleTarif,
  lignesDeFamille,
  quotientAffiche,
  totalDesLignes,
  type JoursFactures,
  type Ligne,
  type Referentiel,
  type TarifFacturation,
} from "@/lib/domain/facturation/calcul";
import { etatsFactures, etatsMajores } from "@/lib/domain/reservation/transitions";
import { inserer } from "@/lib/domain/facturation/inserer";
import { formaterNumero, reserverNumeros, SERIE_FACTURE } from "@/lib/domain/facturation/numerotation";
import { parametresFacturation } from "@/lib/domain/facturation/parametres";
import { finDuMois, moisEnClair } from "@/lib/domain/facturation/periode";
import { ajouterJours, dateDeJour, jourDeDate, jourParis, type Jour } from "@/lib/temps/jours";
import { salutation } from "@/lib/domain/usager/liens";
import { journal } from "@/lib/journal";
import { log } from "@/lib/log";
import { renderMail } from "@/lib/mail/render";
import { kickOutbox } from "@/lib/mail/outbox";

/**
 * Starts a run for a month ("2026-10"): its row, which `executerFacturation` then moves. Two runs of the same
 * month at once are harmless (see facturerLot), so nothing stops a second one.
 */
export async function lancerFacturation({ mois, agentId }: { mois: string; agentId: string }) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(mois)) throw new AppError("MOIS", "Choisissez un mois.", "mois");
  return db().$transaction(async (tx) => {
    const run = await tx.runFacturation.create({ data: { mois: dateDeJour(`${mois}-01`), lanceParId: agentId } });
    await journal(tx, {
      event: "facturation.lancee",
      actorKind: "AGENT",
      actorId: agentId,
      details: { mois, run: run.id },
    });
    return run;
  });
}

type LigneJours = JoursFactures & { familleId: string; activiteId: number };

/** The billed days of the month, counted in PostgreSQL per family, child, unit, QF that applied that day. */
async function joursDuMois(debut: Jour, fin: Jour): Promise<LigneJours[]> {
  const lignes = await db().$queryRaw<
    {
      familleId: string;
      enfantId: string;
      uniteId: number;
      anneeId: number;
      activiteId: number;
      quotient: number | null;
      majore: boolean;
      quantite: number;
      dernier: Date;
    }[]
  >`
    SELECT r."familleId", r."enfantId", r."uniteId", i."anneeId", u."activiteId", q.valeur AS quotient,
           (r.statut = ANY(${etatsMajores()}::"StatutReservation"[])) AS majore,
           count(*)::int AS quantite, max(r.date) AS dernier
    FROM "Reservation" r
    JOIN "Inscription" i ON i.id = r."inscriptionId"
    JOIN "Unite" u ON u.id = r."uniteId"
    LEFT JOIN LATERAL (
      SELECT valeur FROM "QuotientFamilial" q
      WHERE q."familleId" = r."familleId" AND q.du <= r.date AND (q.au IS NULL OR q.au >= r.date)
      ORDER BY q.du DESC, q."creeLe" DESC LIMIT 1
    ) q ON true
    WHERE r.date BETWEEN ${dateDeJour(debut)} AND ${dateDeJour(fin)}
      AND r.statut = ANY(${etatsFactures()}::"StatutReservation"[])
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    UNION ALL
    -- "présent sans réservation" (pointage): no reservation, so the household is the child's inscription in the
    -- activity for the year of that day (the oldest, for a garde alternée), the tariff's supplement applied
    SELECT i."familleId", p."enfantId", p."uniteId", i."anneeId", u."activiteId", q.valeur AS quotient,
           true AS majore, count(*)::int AS quantite, max(p.date) AS dernier
    FROM "Pointage" p
    JOIN "Unite" u ON u.id = p."uniteId"
    JOIN LATERAL (
      SELECT i."familleId", i."anneeId" FROM "Inscription" i
      JOIN "AnneeScolaire" a ON a.id = i."anneeId"
      WHERE i."enfantId" = p."enfantId" AND i."activiteId" = u."activiteId" AND i.statut = 'ACTIVE'
        AND p.date BETWEEN a."dateDebut" AND a."dateFin"
      ORDER BY i."createdAt" LIMIT 1
    ) i ON true
    LEFT JOIN LATERAL (
      SELECT valeur FROM "QuotientFamilial" q
      WHERE q."familleId" = i."familleId" AND q.du <= p.date AND (q.au IS NULL OR q.au >= p.date)
      ORDER BY q.du DESC, q."creeLe" DESC LIMIT 1
    ) q ON true
    WHERE p.date BETWEEN ${dateDeJour(debut)} AND ${dateDeJour(fin)} AND p.etat = 'PRESENT_SANS_RESERVATION'
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  return lignes.map((l) => ({ ...l, mois: debut, dernier: jourDeDate(l.dernier) }));
}

async function referentiel(jours: LigneJours[]): Promise<Referentiel> {
  const paires = new Map(jours.map((j) => [cleTarif(j.uniteId, j.anneeId), j]));
  const [tarifs, unites] = await Promise.all([
    db().tarif.findMany({
      where: { OR: [...paires.values()].map((j) => ({ uniteId: j.uniteId, anneeId: j.anneeId })) },
      include: { tranches: true },
    }),
    db().unite.findMany({ include: { activite: { select: { libelle: true, ordre: true, type: true } } } }),
  ]);
  const parCle = new Map<string, TarifFacturation>(tarifs.map((t) => [cleTarif(t.uniteId, t.anneeId), t]));
  const manquants = [...paires.values()].filter((j) => !parCle.has(cleTarif(j.uniteId, j.anneeId)));
  if (paires.size > 0 && manquants.length > 0) {
    const annees = await db().anneeScolaire.findMany({ where: { id: { in: manquants.map((m) => m.anneeId) } } });
    const nom = (m: LigneJours) => {
      const u = unites.find((x) => x.id === m.uniteId);
      return `${u?.activite.libelle ?? ""} — ${u?.libelle ?? ""} (${annees.find((a) => a.id === m.anneeId)?.libelle ?? ""})`;
    };
    throw new AppError(
      "TARIF_MANQUANT",
      `Aucun tarif pour : ${[...new Set(manquants.map(nom))].join(" ; ")}. Ajoutez-le dans « Tarifs » puis relancez.`,
    );
  }
  return {
    tarifs: parCle,
    unites: new Map(
      unites.map((u) => [
        u.id,
        {
          activiteId: u.activiteId,
          libelle: `${u.activite.type === "RESTAURATION" ? "Restauration" : "Garderie"} — ${u.libelle}`,
          ordre: u.ordre,
          activiteOrdre: u.activite.ordre,
        },
      ]),
    ),
    enfants: new Map(),
  };
}

/** A mail rendered once per run, then filled per family (rendering React Email for each family is too slow). */
async function modeleCourriel(commune: string, periode: string) {
  const repere = { salutation: "§SALUTATION§", numero: "§NUMERO§" };
  const lien = `${config.appUrl}/factures`;
  const mail = await renderMail(
    "",
    factureDisponibleSubject(periode),
    createElement(FactureDisponible, { commune, periode, lien, ...repere }),
  );
  const echapper = (t: string) =>
    t
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#x27;");
  return (to: string, valeurs: { salutation: string; numero: string }) => ({
    to,
    subject: mail.subject,
    html: mail.html
      .replaceAll(repere.salutation, echapper(valeurs.salutation))
      .replaceAll(repere.numero, echapper(valeurs.numero)),
    text: mail.text.replaceAll(repere.salutation, valeurs.salutation).replaceAll(repere.numero, valeurs.numero),
  });
}

type Courriel = Awaited<ReturnType<typeof modeleCourriel>>;

/**
 * Runs (or finishes) a run: `now` is the clock (the issue date is its Paris day). `taille`: families per
 * transaction.
 */
export async function executerFacturation({
  runId,
  now,
  taille = 250,
}: {
  runId: string;
  now: Date;
  taille?: number;
}): Promise<void> {
  const run = await db().runFacturation.findUniqueOrThrow({ where: { id: runId } });
  try {
    const debut = jourDeDate(run.mois);
    const fin = finDuMois(debut);
    const jours = await joursDuMois(debut, fin);
    const ref = await referentiel(jours);
    const prix = calculateurPrix(ref.tarifs);
    const parFamille = new Map<string, LigneJours[]>();
    for (const j of jours) {
      const liste = parFamille.get(j.familleId);
      if (liste) liste.push(j);
      else parFamille.set(j.familleId, [j]);
    }
    // families with carried months to bill, even with nothing booked this month
    const reportees = await db().reportFacturation.findMany({
      where: { factureId: null, mois: { lt: run.mois } },
      select: { familleId: true },
      distinct: ["familleId"],
    });
    for (const r of reportees) if (!parFamille.has(r.familleId)) parFamille.set(r.familleId, []);
    // a family already billed (or carried) for the month counts as done at once; facturerLot checks again
    // under the lock, for a run going on at the same time
    const dejaFaites = new Set(
      (
        await db().$queryRaw<{ familleId: string }[]>`
          SELECT "familleId" FROM "Facture" WHERE "periodeDebut" = ${run.mois}
          UNION SELECT "familleId" FROM "ReportFacturation" WHERE mois = ${run.mois}`
      ).map((f) => f.familleId),
    );
    const familles = [...parFamille.keys()].filter((f) => !dejaFaites.has(f)).sort();
    await db().runFacturation.update({
      where: { id: runId },
      data: { familles: parFamille.size, traitees: parFamille.size - familles.length },
    });

    const [commune, parametres] = await Promise.all([
      db().commune.findUniqueOrThrow({ where: { id: 1 } }),
      parametresFacturation(),
    ]);
    const courriel = await modeleCourriel(commune.nom, moisEnClair(debut));
    const emission = jourParis(now);
    const contexte = { debut, fin, emission, echeance: ajouterJours(emission, parametres.delaiPaiementJours) };
    for (let i = 0; i < familles.length; i += taille) {
      const lot = familles.slice(i, i + taille);
      const enfantIds = [...new Set(lot.flatMap((f) => parFamille.get(f)!.map((j) => j.enfantId)))];
      const [enfants, representants] = await Promise.all([
        db().$queryRaw<{ id: string; prenoms: string; nom: string }[]>`
          SELECT id, prenoms, nom FROM "Enfant" WHERE id = ANY(${enfantIds}::text[])`,
        representantsDe(lot),
      ]);
      for (const e of enfants) ref.enfants.set(e.id, `${e.prenoms} ${e.nom.toUpperCase()}`);
      const lignes = new Map(lot.map((f) => [f, lignesDeFamille(parFamille.get(f)!, ref, prix)]));
      const quotients = new Map(lot.map((f) => [f, quotientAffiche(parFamille.get(f)!)]));
      const bilan = await db().$transaction(
        (tx) =>
          facturerLot(tx, {
            ...contexte,
            runId,
            familles: lot,
            lignes,
            quotients,
            representants,
            seuil: parametres.seuilReportCentimes,
            courriel,
          }),
        { timeout: 120_000 },
      );
      await db().runFacturation.update({
        where: { id: runId },
        data: {
          traitees: { increment: lot.length },
          factures: { increment: bilan.factures },
          reportees: { increment: bilan.reportees },
        },
      });
    }
    await db().runFacturation.update({ where: { id: runId }, data: { statut: "TERMINE", fin: new Date() } });
    kickOutbox();
  } catch (error) {
    log.error(
      { evenement: "facturation.echec", run: runId, erreur: error instanceof Error ? error.name : typeof error },
      "facturation échouée",
    );
    await db().runFacturation.update({
      where: { id: runId },
      data: {
        statut: "ECHEC",
        fin: new Date(),
        erreur: error instanceof AppError ? error.message : "La facturation s'est interrompue : relancez-la.",
      },
    });
    if (!(error instanceof AppError)) throw error;
  }
}

type Representant = {
  familleId: string;
  role: string;
  prenom: string;
  nomUsage: string;
  numero: string | null;
  voie: string;
  complement: string | null;
  codePostal: string;
  ville: string;
  /** the representant's space, when linked: who gets the mail */
  courriel: string | null;
  civilite: "MADAME" | "MONSIEUR" | null;
  usagerNom: string | null;
};

/** Who is billed and mailed, for a chunk of families: one query (its names and address are the invoice's). */
const representantsDe = (familles: string[]) =>
  db().$queryRaw<Representant[]>`
    SELECT r."familleId", r.role::text AS role, r.prenom, r."nomUsage", a.numero, a.voie, a.complement,
           a."codePostal", a.ville, u.courriel, u.civilite::text AS civilite, u."nomUsage" AS "usagerNom"
    FROM "Representant" r
    JOIN "Adresse" a ON a.id = r."adresseId"
    LEFT JOIN "Usager" u ON u.id = r."usagerId"
    WHERE r."familleId" = ANY(${familles}::text[])`;

async function facturerLot(
  tx: Tx,
  lot: {
    runId: string;
    debut: Jour;
    fin: Jour;
    emission: Jour;
    echeance: Jour;
    familles: string[];
    lignes: Map<string, Ligne[]>;
    quotients: Map<string, number | null>;
    representants: Representant[];
    seuil: number;
    courriel: Courriel;
  },
): Promise<{ factures: number; reportees: number }> {
  // one run at a time per month inside this chunk: whoever comes second sees the first one's invoices
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`facturation:${lot.debut}`}))::text`;
  const mois = dateDeJour(lot.debut);
  const [dejaFacturees, dejaReportees, aReprendre] = await Promise.all([
    tx.facture.findMany({
      where: { familleId: { in: lot.familles }, periodeDebut: mois },
      select: { familleId: true },
    }),
    tx.reportFacturation.findMany({ where: { familleId: { in: lot.familles }, mois }, select: { familleId: true } }),
    tx.reportFacturation.findMany({
      where: { familleId: { in: lot.familles }, factureId: null, mois: { lt: mois } },
      orderBy: { mois: "asc" },
    }),
  ]);
  const faites = new Set([...dejaFacturees, ...dejaReportees].map((f) => f.familleId));
  const nouvelles: { familleId: string; lignes: Ligne[]; reports: string[] }[] = [];
  const reports: { familleId: string; lignes: Ligne[] }[] = [];
  for (const familleId of lot.familles) {
    if (faites.has(familleId)) continue;
    const duMois = lot.lignes.get(familleId)!;
    const anciens = aReprendre.filter((r) => r.familleId === familleId);
    const lignes = [...anciens.flatMap((r) => r.lignes as Ligne[]), ...duMois];
    if (lignes.length === 0) continue;
    const total = totalDesLignes(lignes);
    if (total < lot.seuil) {
      // D1611-1 CGCT: under the threshold, nothing is sent; the month waits for the next invoice
      if (duMois.length > 0) reports.push({ familleId, lignes: duMois });
      continue;
    }
    nouvelles.push({ familleId, lignes, reports: anciens.map((r) => r.id) });
  }
  if (reports.length > 0) {
    await tx.reportFacturation.createMany({
      data: reports.map((r) => ({
        familleId: r.familleId,
        mois,
        montantCentimes: totalDesLignes(r.lignes),
        lignes: r.lignes,
      })),
    });
  }
  if (nouvelles.length === 0) return { factures: 0, reportees: reports.length };

  const annee = Number(lot.emission.slice(0, 4));
  const premier = await reserverNumeros(tx, SERIE_FACTURE, annee, nouvelles.length);
  const factures = nouvelles.map((n, i) => {
    const siens = lot.representants.filter((r) => r.familleId === n.familleId);
    const titulaire = siens.find((r) => r.role === "TITULAIRE") ?? siens[0];
    const a = titulaire;
    const quotient = lot.quotients.get(n.familleId) ?? null;
    return {
      id: randomUUID(),
      numero: formaterNumero(SERIE_FACTURE, annee, premier + i),
      serie: SERIE_FACTURE,
      annee,
      sequence: premier + i,
      familleId: n.familleId,
      totalCentimes: totalDesLignes(n.lignes),
      quotient,
      qfNonCommunique: quotient === null,
      destinataire: titulaire ? `${titulaire.prenom} ${titulaire.nomUsage.toUpperCase()}` : "",
      adresse: a
        ? [[a.numero, a.voie].filter(Boolean).join(" "), a.complement, `${a.codePostal} ${a.ville}`]
            .filter(Boolean)
            .join("\n")
        : "",
      runId: lot.runId,
      destinataires: siens.flatMap((r) =>
        r.courriel ? [{ courriel: r.courriel, civilite: r.civilite!, nomUsage: r.usagerNom! }] : [],
      ),
      lignes: n.lignes,
      reports: n.reports,
    };
  });
  await inserer(
    tx,
    "Facture",
    {
      id: "text",
      numero: "text",
      serie: "text",
      annee: "int",
      sequence: "int",
      familleId: "text",
      periodeDebut: "date",
      periodeFin: "date",
      emiseLe: "date",
      echeanceLe: "date",
      totalCentimes: "int",
      quotient: "int",
      qfNonCommunique: "boolean",
      destinataire: "text",
      adresse: "text",
      runId: "text",
    },
    factures.map((f) => ({
      ...f,
      periodeDebut: lot.debut,
      periodeFin: lot.fin,
      emiseLe: lot.emission,
      echeanceLe: lot.echeance,
    })),
  );
  await inserer(
    tx,
    "LigneFacture",
    {
      id: "text",
      factureId: "text",
      enfantId: "text",
      activiteId: "int",
      uniteId: "int",
      enfantNom: "text",
      libelle: "text",
      mois: "date",
      quantite: "int",
      prixUnitaireCentimes: "int",
      montantCentimes: "int",
      quotient: "int",
      ordre: "int",
    },
    factures.flatMap((f) => f.lignes.map((l, ordre) => ({ ...l, id: randomUUID(), factureId: f.id, ordre }))),
  );
  for (const f of factures.filter((x) => x.reports.length > 0)) {
    await tx.reportFacturation.updateMany({ where: { id: { in: f.reports } }, data: { factureId: f.id } });
  }
  await inserer(
    tx,
    "OutboxMail",
    { id: "text", to: "text", subject: "text", html: "text", text: "text" },
    factures.flatMap((f) =>
      f.destinataires.map((u) => ({
        id: randomUUID(),
        ...lot.courriel(u.courriel, { salutation: salutation(u), numero: f.numero }),
      })),
    ),
  );
  return { factures: factures.length, reportees: reports.length };
}

/** For the bench and the tests: a run started and finished at once. */
export async function facturerMois({ mois, now, agentId }: { mois: string; now: Date; agentId?: string }) {
  const run = await db().runFacturation.create({ data: { mois: dateDeJour(`${mois}-01`), lanceParId: agentId } });
  await executerFacturation({ runId: run.id, now });
  return db().runFacturation.findUniqueOrThrow({ where: { id: run.id } });
}
