// A signed mandate version as a PDF: the mandate's text in full (mandat-texte.ts) and how it was signed (when,
// from which address, by password or FranceConnect, which text version). The copy mailed to the family shows the
// IBAN masked (« FR76 **** … 0189 »); the copy downloaded in the portal by the family or an admin shows it whole.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { entete, Redacteur } from "@/lib/pdf/redacteur";
import { dechiffrerIban } from "@/lib/domain/prelevement/mandat";
import {
  paragraphesMandat,
  partiesMandat,
  TITRE_MANDAT,
  type ContenuMandat,
} from "@/lib/domain/prelevement/mandat-texte";
import { ibanEnClair, ibanMasque } from "@/lib/argent/iban";
import { journaliser } from "@/lib/journal";
import { formatParis } from "@/lib/temps/dates";
import { de } from "@/lib/texte/elision";

export const METHODES_SIGNATURE: Record<string, string> = {
  MOT_DE_PASSE: "mot de passe saisi à nouveau",
  FRANCECONNECT: "signé avec FranceConnect",
};

/** The debtor as the mandate names them: the representant of the family who signed, and their address. */
export async function debiteur(client: Tx, familleId: string, usagerId: string) {
  const r = await client.representant.findFirst({
    where: { familleId, usagerId },
    include: { adresse: true },
  });
  if (!r) return null;
  const a = r.adresse;
  const adresse = [[a.numero, a.voie].filter(Boolean).join(" "), a.complement, `${a.codePostal} ${a.ville}`]
    .filter(Boolean)
    .join(", ");
  return { nom: `${r.prenom} ${r.nomUsage.toUpperCase()}`, adresse };
}

/** The mandate's text as it was signed in version `numero`, with the IBAN whole or masked. */
export async function contenuVersion(client: Tx, mandatId: string, numero: number, iban: "entier" | "masque") {
  const version = await client.versionMandat.findUnique({
    where: { mandatId_numero: { mandatId, numero } },
    include: { mandat: true },
  });
  if (!version) return null;
  const [parametres, qui] = await Promise.all([
    client.parametresPrelevement.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} }),
    debiteur(client, version.mandat.familleId, version.usagerId),
  ]);
  const clair = dechiffrerIban(version);
  const contenu: ContenuMandat = {
    creancierNom: parametres.creancierNom,
    creancierAdresse: parametres.creancierAdresse,
    ics: parametres.ics,
    rum: version.mandat.rum,
    debiteurNom: qui?.nom ?? version.titulaire,
    debiteurAdresse: version.adresse,
    iban: iban === "entier" ? ibanEnClair(clair) : ibanMasque(clair),
    titulaire: version.titulaire,
    delaiPrenotificationJours: parametres.delaiPrenotificationJours,
    jourPrelevement: parametres.jourPrelevement,
    versionTexte: version.versionTexte,
  };
  return { contenu, version };
}

export async function mandatPdf(
  client: Tx,
  { mandatId, numero, iban }: { mandatId: string; numero: number; iban: "entier" | "masque" },
): Promise<Uint8Array | null> {
  const lu = await contenuVersion(client, mandatId, numero, iban);
  if (!lu) return null;
  const { contenu, version } = lu;
  const commune = await client.commune.findUniqueOrThrow({ where: { id: 1 } });
  const p = await Redacteur.creer(`${TITRE_MANDAT} ${contenu.rum}`, `Commune ${de(commune.nom)}`);
  entete(p, commune, contenu.creancierNom);
  p.ligne(TITRE_MANDAT, { gras: true, taille: 16 });
  p.ligne(version.numero > 1 ? `Version ${version.numero} (modification du compte)` : "Version 1", { taille: 9 });
  p.espace(6);
  for (const [libelle, valeur] of partiesMandat(contenu)) p.ligne(libelle, { droite: valeur });
  p.espace(8);
  p.trait();
  for (const paragraphe of paragraphesMandat(contenu)) {
    p.paragraphe(paragraphe, 9);
    p.espace(4);
  }
  p.trait();
  p.ligne("Signature électronique", { gras: true, taille: 11 });
  p.ligne(`Signé en ligne le ${formatParis(version.signeLe, "dd/MM/yyyy 'à' HH:mm")}`);
  p.ligne(`Méthode : ${METHODES_SIGNATURE[version.methode] ?? version.methode}`);
  p.ligne(`Adresse de connexion : ${version.adresseIp}`);
  p.ligne(`Version du texte du mandat : ${version.versionTexte}`);
  return p.enregistrer();
}

/**
 * The full mandate (IBAN whole) of the family's current version for a representant of that family, or for an
 * admin (`{ admin: true }`); null for anyone else, as for a RUM that does not exist.
 */
export async function pdfDeMandat(lecteur: { usagerId: string } | { admin: true }, rum: string) {
  const mandat = await db().mandatSepa.findFirst({
    where: {
      rum,
      ...("admin" in lecteur ? {} : { famille: { representants: { some: { usagerId: lecteur.usagerId } } } }),
    },
    include: { versions: { orderBy: { numero: "desc" }, take: 1, select: { numero: true } } },
  });
  const derniere = mandat?.versions[0];
  if (!mandat || !derniere) return null;
  const bytes = await mandatPdf(db() as unknown as Tx, {
    mandatId: mandat.id,
    numero: derniere.numero,
    iban: "entier",
  });
  return bytes && { bytes, nom: `mandat-${rum}.pdf` };
}

/** The full mandate for an agent: "refuse" unless ADMIN; the read journaled (bank details read by an agent). */
export async function pdfDeMandatPourAgent(agentId: string, rum: string) {
  const agent = await db().agent.findUnique({ where: { id: agentId }, select: { role: true } });
  if (agent?.role !== "ADMIN") return "refuse" as const;
  const pdf = await pdfDeMandat({ admin: true }, rum);
  if (pdf) await journaliser({ event: "mandat.pdf_lu", actorKind: "AGENT", actorId: agentId, details: { rum } });
  return pdf;
}
