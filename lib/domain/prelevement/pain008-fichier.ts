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

export async function fichierPain008(runId: string, lecteur: { agentId: string }) {
  const run = await db().runPrelevement.findUnique({
    where: { id: runId },
    include: {
      prelevements: {
        where: { statut: { in: ["PRESENTE", "REJETE"] } },
        orderBy: { endToEndId: "asc" },
        include: { facture: { select: { numero: true } }, mandat: { include: { versions: true } } },
      },
    },
  });
  if (!run || run.transmission !== "FICHIER_SEPA") return null;
  const parametres = await parametresPrelevement();
  // the debit each mandate presented before this run: its version tells whether the account changed since
  const precedents = await db().prelevement.findMany({
    where: {
      mandatId: { in: run.prelevements.map((p) => p.mandatId) },
      statut: { in: ["PRESENTE", "REJETE"] },
      runId: { not: run.id },
      run: { creeLe: { lt: run.creeLe } },
    },
    orderBy: { datePrelevement: "desc" },
    select: { mandatId: true, versionNumero: true },
  });
  const debits = run.prelevements.map((p) => {
    const version = p.mandat.versions.find((v) => v.numero === p.versionNumero)!;
    const iban = dechiffrerIban(version);
    const precedent = precedents.find((q) => q.mandatId === p.mandatId);
    const ancienne =
      precedent && precedent.versionNumero !== p.versionNumero
        ? p.mandat.versions.find((v) => v.numero === precedent.versionNumero)
        : undefined;
    const ancienIban = ancienne ? dechiffrerIban(ancienne) : null;
    return {
      endToEndId: p.endToEndId,
      montantCentimes: p.montantCentimes,
      sequence: p.sequence,
      datePrelevement: jourDeDate(p.datePrelevement),
      rum: p.mandat.rum,
      signeLe: jourParis(p.mandat.signeLe),
      amendement:
        ancienIban && ancienIban !== iban ? { ancienIban, autreBanque: banque(ancienIban) !== banque(iban) } : null,
      bic: version.bic || null,
      titulaire: version.titulaire,
      iban,
      libelle: `Facture ${p.facture.numero}`,
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
