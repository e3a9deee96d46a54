// How a journal entry's details are read to write its sentence: each value by its kind (a day, a month, an amount
// of cents, a count), each id by the name the query resolved for it in batch (noms.ts). Naming a family, a
// demande or an invoice in the sentence also adds its link, so a sentence and its links never disagree. A value
// missing from an old entry reads as a neutral word (« une famille », « un enfant »), never as a key or « undefined ».
import { euros } from "@/lib/argent/argent";
import { estJour, jourEnClair, MOIS } from "@/lib/temps/jours";
import { de } from "@/lib/texte/elision";

export type Lien = { href: string; texte: string };
export type Rendu = { phrase: string; liens: Lien[] };

/** A demande named by its number: what it asks, for whom, in which family. */
export type DemandeNommee = { intitule: string; enfant: string | null; familleId: string | null };

/** The names of the ids a page of entries holds, one query per kind of id. */
export type Noms = {
  familles: Map<string, string>;
  enfants: Map<string, { nom: string; familleId: string | null }>;
  activites: Map<number, string>;
  unites: Map<number, string>;
  lieux: Map<number, string>;
  agents: Map<string, string>;
  demandes: Map<number, DemandeNommee>;
  /** an invoice's id → its number */
  factures: Map<string, string>;
  inscriptions: Map<string, { enfantId: string; activiteId: number; familleId: string }>;
};

export const nomsVides = (): Noms => ({
  familles: new Map(),
  enfants: new Map(),
  activites: new Map(),
  unites: new Map(),
  lieux: new Map(),
  agents: new Map(),
  demandes: new Map(),
  factures: new Map(),
  inscriptions: new Map(),
});

/** One kind of entry: its name and its sentence. */
export type Phrase = {
  /** the kind of entry, as the filter's list and the « Action » column name it */
  libelle: string;
  phrase: (d: Lecteur) => string;
};
export type Phrases = Record<string, Phrase>;

const MOIS_ISO = /^(\d{4})-(\d{2})/;

/** "3 factures", "1 facture", "aucune facture" when told. */
export function compte(n: number, singulier: string, pluriel = `${singulier}s`): string {
  return `${n.toLocaleString("fr-FR").replace(/\s/g, "\u202f")} ${n > 1 ? pluriel : singulier}`;
}

export class Lecteur {
  readonly liens: Lien[] = [];
  private readonly d: Record<string, unknown>;

  constructor(
    details: unknown,
    readonly noms: Noms,
  ) {
    this.d =
      details && typeof details === "object" && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
  }

  private lier(href: string, texte: string) {
    if (!this.liens.some((l) => l.href === href)) this.liens.push({ href, texte });
  }

  brut(cle: string): unknown {
    return this.d[cle];
  }

  texte(cle: string): string | undefined {
    const v = this.d[cle];
    return typeof v === "string" && v.trim() ? v : typeof v === "number" ? String(v) : undefined;
  }

  nombre(cle: string): number | undefined {
    const v = this.d[cle];
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  }

  vrai(cle: string): boolean {
    return this.d[cle] === true;
  }

  liste(cle: string): unknown[] {
    const v = this.d[cle];
    return Array.isArray(v) ? v : [];
  }

  /** " : 3 factures" when the count is known, "" otherwise (an older entry). */
  compte(cle: string, singulier: string, pluriel?: string, avant = " : "): string {
    const n = this.nombre(cle);
    return n === undefined ? "" : `${avant}${compte(n, singulier, pluriel)}`;
  }

  /** "1 234,56 €" of a count of cents, or undefined. */
  euros(cle: string): string | undefined {
    const n = this.nombre(cle);
    return n === undefined ? undefined : euros(n);
  }

  /** "jeudi 17 décembre" of a "2026-12-17", or undefined. */
  jour(cle: string): string | undefined {
    return jourLisible(this.d[cle]);
  }

  /** " du lundi 7 décembre au vendredi 11 décembre", " le lundi 7 décembre" (one day), "" when unknown. */
  periode(debut = "debut", fin = "fin"): string {
    const de = this.jour(debut);
    const a = this.jour(fin);
    if (!de) return "";
    return !a || a === de ? ` le ${de}` : ` du ${de} au ${a}`;
  }

  /** "novembre 2026" of a month as the commands write it ("2026-11" or its first day "2026-11-01"). */
  mois(cle = "mois"): string | undefined {
    const v = this.d[cle];
    const m = typeof v === "string" ? MOIS_ISO.exec(v) : null;
    return m ? `${MOIS[Number(m[2]) - 1]} ${m[1]}` : undefined;
  }

  /** "la famille de Claire ETCHART", linked to the console's family page; "une famille" without its id. */
  famille(...cles: string[]): string {
    return this.nommerFamille(this.id(...(cles.length ? cles : ["familleId", "famille"])));
  }

  private nommerFamille(id: string | undefined): string {
    if (!id) return "une famille";
    const nom = this.noms.familles.get(id);
    const texte = nom ? `famille ${de(nom)}` : "famille";
    this.lier(`/agent/familles/${id}`, texte.replace(/^f/, "F"));
    return nom ? `la ${texte}` : "une famille";
  }

  /** "Louise ETCHART" (and her family's link), "un enfant" when unknown. */
  enfant(cle = "enfantId", autre?: string): string {
    const id = this.id(cle) ?? autre;
    const enfant = id ? this.noms.enfants.get(id) : undefined;
    if (!enfant) return "un enfant";
    if (enfant.familleId) this.lier(`/agent/familles/${enfant.familleId}`, `Famille ${de(enfant.nom)}`);
    return enfant.nom;
  }

  /**
   * "n° 12 acceptée (Inscription à la restauration — Louise ETCHART)", linked to the demande and its family;
   * "acceptée" alone without a number.
   */
  demande(participe: string, cle = "numero"): string {
    const numero = this.nombre(cle) ?? Number(this.texte(cle));
    if (!Number.isInteger(numero) || numero <= 0) return participe;
    this.lier(`/agent/demandes/${numero}`, `Demande n° ${numero}`);
    const demande = this.noms.demandes.get(numero);
    const tete = participe ? `n° ${numero} ${participe}` : `n° ${numero}`;
    if (!demande) return tete;
    if (demande.familleId) this.nommerFamille(demande.familleId);
    return `${tete} (${[demande.intitule, demande.enfant].filter(Boolean).join(" — ")})`;
  }

  /** "la demande n° 12 (Inscription — Louise ETCHART)", "une demande" without its number. */
  laDemande(cle = "numero"): string {
    const texte = this.demande("", cle);
    return texte ? `la demande ${texte}` : "une demande";
  }

  /** "FA-2026-000123", linked to the invoice; from a number or an invoice's id. */
  facture(cle = "facture"): string | undefined {
    const v = this.texte(cle);
    const numero = v && /^(FA|AV)-/.test(v) ? v : v ? this.noms.factures.get(v) : undefined;
    if (numero?.startsWith("FA-")) this.lier(`/agent/facturation/factures/${numero}`, `Facture ${numero}`);
    return numero;
  }

  activite(cle = "activiteId"): string | undefined {
    const id = this.nombre(cle);
    return id === undefined ? undefined : this.noms.activites.get(id);
  }

  unite(cle = "uniteId"): string | undefined {
    const id = this.nombre(cle);
    return id === undefined ? undefined : this.noms.unites.get(id);
  }

  lieu(cle = "lieuId"): string | undefined {
    const id = this.nombre(cle);
    return id === undefined ? undefined : this.noms.lieux.get(id);
  }

  /** The names of a list of lieux' or activities' ids: "Bourg, Hameau". */
  lieux(cle = "lieuIds"): string | undefined {
    const noms = this.liste(cle)
      .map((id) => (typeof id === "number" ? this.noms.lieux.get(id) : undefined))
      .filter(Boolean);
    return noms.length ? noms.join(", ") : undefined;
  }

  activites(cle = "activiteIds"): string | undefined {
    const noms = this.liste(cle)
      .map((id) => (typeof id === "number" ? this.noms.activites.get(id) : undefined))
      .filter(Boolean);
    return noms.length ? noms.join(", ") : undefined;
  }

  /** The agent an administrator acted on: "Peio ETCHEVERRY", linked; undefined when unknown. */
  agent(cle = "agentId"): string | undefined {
    const id = this.id(cle);
    const nom = id ? this.noms.agents.get(id) : undefined;
    if (!id || !nom) return undefined;
    this.lier(`/agent/agents/${id}`, `Agent ${nom}`);
    return nom;
  }

  private id(...cles: string[]): string | undefined {
    for (const cle of cles) {
      const v = this.d[cle];
      if (typeof v === "string" && v) return v;
    }
    return undefined;
  }
}

export function jourLisible(v: unknown): string | undefined {
  return typeof v === "string" && estJour(v.slice(0, 10)) ? jourEnClair(v.slice(0, 10)) : undefined;
}

/** " (Menu Classique)", " à Bourg": a name in its place in the sentence, or nothing when unknown. */
export const entre = (avant: string, valeur: string | undefined, apres = "") =>
  valeur ? `${avant}${valeur}${apres}` : "";
