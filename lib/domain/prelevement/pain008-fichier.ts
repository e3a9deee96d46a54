// A run's pain.008 file, for the ADMIN download route: the debits it presented (rejected ones too: the file is
// what was sent), each debtor's IBAN decrypted here only, and the amendment of a mandate whose account changed
// since its previous debit. Journaled: who took the file with the families' accounts in it.
import "server-only";
import { db } from "@/lib/db";
import { journaliser } from "@/lib/journal";
import { dechiffrerIban } from "@/lib/domain/prelevement/mandat";
import { pain008 } from "@/lib/domain/prelevement/pain008";
import { parametresPrelevement } from "@/lib/domain/prelevement/parametres";
import { jourDeDate, jourParis } from "@/lib/temps/jours";

/** The bank of an IBAN: its country, check digits aside, and the national bank code (5 characters in France). */
const banque = (iban: string) => `${iban.slice(0, 2)}${iban.slice(4, 9)}`;

type Ligne = {
  endToEndId: string;
  montantCentimes: number;
  sequence: string;
  datePrelevement: Date;
  mandatId: string;
  rum: string;
  signeLe: Date;
  numero: string;
  ibanChiffre: string;
  bic: string | null;
  titulaire: string;
  /** the account of the mandate's previous debit, when it was another version */
  ancienChiffre: string | null;
};

/** The run's debits with what the file needs, one query (a month's thousands of debits). */
const debitsDuRun = (run: { id: string; creeLe: Date }) =>
  db().$queryRaw<Ligne[]>`
    SELECT p."endToEndId", p."montantCentimes", p.sequence, p."datePrelevement", p."mandatId", m.rum, m."signeLe",
           f.numero, v."ibanChiffre", v.bic, v.titulaire, pv."ibanChiffre" AS "ancienChiffre"
    FROM "Prelevement" p
    JOIN "Facture" f ON f.id = p."factureId"
    JOIN "MandatSepa" m ON m.id = p."mandatId"
    JOIN "VersionMandat" v ON v."mandatId" = p."mandatId" AND v.numero = p."versionNumero"
    -- each mandate's debit presented by an earlier run (no index on Prelevement.mandatId: one pass, hashed)
    LEFT JOIN (
      SELECT DISTINCT ON (q."mandatId") q."mandatId", q."versionNumero"
      FROM "Prelevement" q JOIN "RunPrelevement" r ON r.id = q."runId"
      WHERE q.statut IN ('PRESENTE', 'REJETE') AND r."creeLe" < ${run.creeLe}
      ORDER BY q."mandatId", q."datePrelevement" DESC, r."creeLe" DESC
    ) precedent ON precedent."mandatId" = p."mandatId"
    LEFT JOIN "VersionMandat" pv ON pv."mandatId" = p."mandatId" AND pv.numero = precedent."versionNumero"
                                 AND precedent."versionNumero" <> p."versionNumero"
    WHERE p."runId" = ${run.id} AND p.statut IN ('PRESENTE', 'REJETE')
    ORDER BY p."endToEndId"`;

export async function fichierPain008(runId: string, lecteur: { agentId: string }) {
  const run = await db().runPrelevement.findUnique({ where: { id: runId } });
  if (!run || run.transmission !== "FICHIER_SEPA") return null;
  const [parametres, lignes] = await Promise.all([parametresPrelevement(), debitsDuRun(run)]);
  const debits = lignes.map((p) => {
    const iban = dechiffrerIban(p);
    const ancienIban = p.ancienChiffre ? dechiffrerIban({ mandatId: p.mandatId, ibanChiffre: p.ancienChiffre }) : null;
    return {
      endToEndId: p.endToEndId,
      montantCentimes: p.montantCentimes,
      sequence: p.sequence,
      datePrelevement: jourDeDate(p.datePrelevement),
      rum: p.rum,
      signeLe: jourParis(p.signeLe),
      amendement:
        ancienIban && ancienIban !== iban ? { ancienIban, autreBanque: banque(ancienIban) !== banque(iban) } : null,
      bic: p.bic || null,
      titulaire: p.titulaire,
      iban,
      libelle: `Facture ${p.numero}`,
    };
  });
  const xml = pain008({
    msgId: run.msgId,
    creeLe: run.creeLe,
    creancier: { nom: parametres.creancierNom, ics: parametres.ics, iban: parametres.iban, bic: parametres.bic },
    debits,
  });
  await journaliser({
    event: "prelevement.fichier",
    actorKind: "AGENT",
    actorId: lecteur.agentId,
    details: { runId, nombre: debits.length },
  });
  return { xml, nom: `prelevements-${jourDeDate(run.mois).slice(0, 7)}-${run.msgId}.xml` };
}
