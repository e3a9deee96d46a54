// The comptable's answers imported from a CSV: one line per title (its invoice or avoir number, or its IdPce),
// its state and what goes with it. Every line is read first; the good ones are recorded in one transaction, the
// others are listed with their line number and why.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lireEuros } from "@/lib/argent/argent";
import { appliquerReponse, refusReponse, SELECT_TITRE, type Reponse } from "@/lib/domain/pes/reponses";
import { estJour } from "@/lib/temps/jours";

export type LigneEnErreur = { ligne: number; message: string };

const sansAccents = (t: string) =>
  t
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();

const ETATS: Record<string, Reponse["statut"]> = {
  "pris en charge": "PRIS_EN_CHARGE",
  prise: "PRIS_EN_CHARGE",
  rejete: "REJETE",
  rejet: "REJETE",
  recouvre: "RECOUVRE",
};

function cellules(ligne: string, separateur: string): string[] {
  const sortie: string[] = [];
  let courante = "";
  let guillemets = false;
  for (let i = 0; i < ligne.length; i++) {
    const c = ligne[i]!;
    if (c === '"' && guillemets && ligne[i + 1] === '"') {
      courante += '"';
      i++;
    } else if (c === '"') guillemets = !guillemets;
    else if (c === separateur && !guillemets) {
      sortie.push(courante.trim());
      courante = "";
    } else courante += c;
  }
  sortie.push(courante.trim());
  return sortie;
}

/** "2026-11-30" or "30/11/2026" → YYYY-MM-DD, or null. */
function lireDate(texte: string): string | null {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(texte);
  const jour = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : texte;
  return estJour(jour) ? jour : null;
}

/** One line's answer, or why it cannot be read. */
function lireReponse(etat: string, motif: string, montant: string, date: string): Reponse | string {
  const statut = ETATS[sansAccents(etat)];
  if (!statut) return `État « ${etat} » inconnu : écrivez « pris en charge », « rejeté » ou « recouvré ».`;
  if (statut === "PRIS_EN_CHARGE") return { statut };
  if (statut === "REJETE") return motif ? { statut, motif } : "Indiquez le motif du rejet.";
  const euros = lireEuros(montant);
  const jour = lireDate(date);
  if (!euros || euros.lte(0) || !euros.isInteger()) return "Indiquez le montant recouvré en euros, par exemple 48,45.";
  if (!jour) return "Indiquez la date du recouvrement, par exemple 30/11/2026.";
  return { statut, montantCentimes: euros.toNumber(), date: jour };
}

/**
 * Columns: numéro (facture, avoir or IdPce); état; motif; montant; date. Separated by « ; » or « , », a header
 * line allowed.
 */
export async function importerReponses({
  bordereauId,
  csv,
  agentId,
  now,
}: {
  bordereauId: string;
  csv: string;
  agentId: string;
  now: Date;
}): Promise<{ enregistrees: number; inchangees: number; erreurs: LigneEnErreur[] }> {
  const titres = await db().titrePes.findMany({
    where: { bordereauId },
    select: { ...SELECT_TITRE, facture: { select: { numero: true } }, avoir: { select: { numero: true } } },
  });
  if (titres.length === 0) throw new AppError("introuvable", "Ce bordereau est introuvable.");
  const parCle = new Map<string, (typeof titres)[number]>();
  for (const t of titres) {
    parCle.set(String(t.numeroPiece), t);
    parCle.set((t.facture ?? t.avoir)!.numero, t);
  }
  const lignes = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const separateur = (lignes[0] ?? "").includes(";") ? ";" : ",";
  const erreurs: LigneEnErreur[] = [];
  const aAppliquer: { titre: (typeof titres)[number]; reponse: Reponse }[] = [];
  const vus = new Set<string>();
  lignes.forEach((texte, i) => {
    if (texte.trim() === "") return;
    const [numero = "", etat = "", motif = "", montant = "", date = ""] = cellules(texte, separateur);
    if (i === 0 && /^(num|id|facture|titre)/i.test(sansAccents(numero))) return;
    const titre = parCle.get(numero.toUpperCase());
    const reponse = lireReponse(etat, motif, montant, date);
    let message: string | null = null;
    if (!titre) message = `« ${numero} » n'est ni une facture, ni un avoir, ni une pièce de ce bordereau.`;
    else if (typeof reponse === "string") message = reponse;
    else if (vus.has(titre.id)) message = "Ce titre figure déjà sur une ligne précédente.";
    else message = refusReponse(titre, reponse, now);
    if (message || !titre || typeof reponse === "string") {
      erreurs.push({ ligne: i + 1, message: message ?? "Ligne illisible." });
      return;
    }
    vus.add(titre.id);
    aAppliquer.push({ titre, reponse });
  });
  let enregistrees = 0;
  await db().$transaction(
    async (tx) => {
      for (const { titre, reponse } of aAppliquer) {
        if (await appliquerReponse(tx, titre, reponse, { agentId, now })) enregistrees++;
      }
    },
    { timeout: 60_000 },
  );
  return { enregistrees, inchangees: aAppliquer.length - enregistrees, erreurs };
}
