// Every kind of entry the code writes reads as a sentence: the events are found by reading the source (every
// `event:` given to journal()/journaliser(), the calendar's journaliser(tx, agentId, "…"), an event held in a
// constant, the demandes' `demande.${transition}`), so a new event without its wording fails here. Each is
// rendered with realistic details, and with none (an entry written before its renderer read them): no raw key.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { TRANSITIONS } from "@/lib/domain/demande/transitions";
import { nomsVides } from "@/lib/domain/journal/lecteur";
import { ACTIONS, PHRASES, rendre } from "@/lib/domain/journal/phrase";
import { EXEMPLES, FAMILLE, nomsExemple } from "@/tests/integration/journal-exemples";

const LOUISE_ID = EXEMPLES["pointage.marque"]!.enfantId as string;
const RACINE = join(__dirname, "../../..");

function sources(dossier: string): string[] {
  return readdirSync(dossier).flatMap((nom) => {
    const chemin = join(dossier, nom);
    if (statSync(chemin).isDirectory()) return nom === "generated" ? [] : sources(chemin);
    return /\.tsx?$/.test(nom) && !/\.test\.tsx?$/.test(nom) ? [chemin] : [];
  });
}

const EVENEMENT = /^[a-z_]+\.[a-zA-Z_]+$/;

/** The events one file writes, and the `event:` expressions it could not read (a new dynamic form). */
function evenementsDe(texte: string): { evenements: string[]; illisibles: string[] } {
  const evenements: string[] = [];
  const illisibles: string[] = [];
  if (!/\bjournal(iser)?\(/.test(texte)) return { evenements, illisibles };
  const constantes = new Map(
    [...texte.matchAll(/const ([A-Za-z_][\w]*)\s*=\s*"([a-z_]+\.[a-zA-Z_]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const expressions = [
    ...[...texte.matchAll(/\bevent:\s*([^\n]+)/g)].map((m) => m[1]!),
    ...[...texte.matchAll(/\bjournaliser\(\s*tx,\s*\w+,\s*([^\n,]+)/g)].map((m) => m[1]!),
  ];
  for (const expression of expressions) {
    const litteraux = [...expression.matchAll(/"([^"]+)"/g)].map((m) => m[1]!).filter((s) => EVENEMENT.test(s));
    const gabarit = /`demande\.\$\{\w+\}`/.test(expression);
    const constante = /^([A-Za-z_]\w*)\s*[,}]?\s*$/.exec(expression.trim())?.[1];
    if (gabarit) evenements.push(...Object.keys(TRANSITIONS).map((t) => `demande.${t}`));
    else if (litteraux.length) evenements.push(...litteraux);
    else if (constante && constantes.has(constante)) evenements.push(constantes.get(constante)!);
    // the calendar's helper passes its own parameter on (its callers are read instead); a type's field is no event
    else if (!/^(event[,\s]|string\b)/.test(expression.trim())) illisibles.push(expression.trim());
  }
  return { evenements, illisibles };
}

const lus = ["lib", "app"]
  .flatMap((dossier) => sources(join(RACINE, dossier)))
  .map((chemin) => ({
    chemin: relative(RACINE, chemin),
    ...evenementsDe(readFileSync(chemin, "utf8")),
  }));
const ECRITS = [...new Set(lus.flatMap((l) => l.evenements))].sort();

/** What a sentence must never hold: a key, a dotted event, a JavaScript value printed raw. */
function brut(texte: string): string | null {
  // what the sentence quotes (an identifiant typed, a lieu's name) is the user's, not a key
  const phrase = texte.replace(/« [^»]* »/g, "«»");
  return (
    /\b[a-z_]+\.[a-zA-Z_]+\b/.exec(phrase)?.[0] ??
    /\b[a-z]+[A-Z]\w*\b/.exec(phrase)?.[0] ??
    /undefined|null|\[object|NaN|\{|\}/.exec(phrase)?.[0] ??
    /\b[A-Z]+_[A-Z_]+\b/.exec(phrase)?.[0] ??
    null
  );
}

/** An event's realistic details; a demande's transitions all hold its number. */
const exemple = (e: string) => EXEMPLES[e] ?? (e.startsWith("demande.") ? { numero: 12 } : {});

describe("Journal entries in words", () => {
  it("finds the events the code writes, every `event:` read", () => {
    expect(lus.flatMap((l) => l.illisibles.map((e) => `${l.chemin}: ${e}`))).toEqual([]);
    // a few the scan must find, whatever their form (literal, ternary, template, the calendar's helper)
    expect(ECRITS).toEqual(
      expect.arrayContaining([
        "connexion.reussie",
        "demande.accepter",
        "demande.deposer",
        "agent.desactive",
        "reservations.zone",
        "reservations.agent",
        "facturation.lancee",
      ]),
    );
    expect(ECRITS.length).toBeGreaterThan(100);
  });

  it("has a wording for every event the code writes, and a distinct name for each in the filter's list", () => {
    expect(ECRITS.filter((e) => !PHRASES[e])).toEqual([]);
    const noms = Object.values(ACTIONS);
    expect(noms.filter((nom, i) => noms.indexOf(nom) !== i)).toEqual([]);
  });

  it.each(Object.keys(PHRASES))("renders %s as a sentence without a raw key, with and without details", (e) => {
    for (const [details, noms] of [
      [exemple(e), nomsExemple()],
      [{}, nomsVides()],
      [exemple(e), nomsVides()],
    ] as const) {
      const { phrase, liens } = rendre(e, details, noms);
      expect(phrase.length, e).toBeGreaterThan(8);
      expect(phrase[0], phrase).toBe(phrase[0]!.toUpperCase());
      expect(brut(phrase), phrase).toBeNull();
      expect(phrase).not.toMatch(/\s{2}|\s[,)]|\(\s|\(\)|\s$/);
      for (const lien of liens) expect(lien.href).toMatch(/^\/agent\/[a-z-]+\/[\w/-]+$/);
    }
    expect(brut(ACTIONS[e]!)).toBeNull();
  });

  it("says the issue's examples word for word, with their links", () => {
    const noms = nomsExemple();
    expect(rendre("facturation.lancee", EXEMPLES["facturation.lancee"], noms).phrase).toBe(
      "Facturation de novembre 2026 émise : 312 factures, 14\u202f872,40 €",
    );
    const reservation = rendre("reservations.agent", EXEMPLES["reservations.agent"], noms);
    expect(reservation.phrase).toBe(
      "Réservation du jeudi 17 décembre (Menu Classique) annulée pour Louise ETCHART hors délai",
    );
    expect(reservation.liens).toEqual([{ href: `/agent/familles/${FAMILLE}`, texte: "Famille de Louise ETCHART" }]);
    const acceptee = rendre("demande.accepter", { numero: 12 }, noms);
    expect(acceptee.phrase).toBe("Demande n° 12 acceptée (Inscription à la restauration — Louise ETCHART)");
    expect(acceptee.liens.map((l) => l.href)).toEqual(["/agent/demandes/12", `/agent/familles/${FAMILLE}`]);
    expect(rendre("dossier_sante.lecture", { enfantId: EXEMPLES["pointage.marque"]!.enfantId }, noms).phrase).toBe(
      "Dossier santé de Louise ETCHART consulté",
    );
    expect(rendre("paiement.enregistre", EXEMPLES["paiement.enregistre"], noms).liens.map((l) => l.texte)).toEqual([
      "Famille de Claire ETCHART",
      "Facture FA-2026-000123",
    ]);
    expect(rendre("service_non_assure.declare", EXEMPLES["service_non_assure.declare"], noms).phrase).toBe(
      "Service non assuré (Restauration scolaire à Bourg, Hameau) du jeudi 17 décembre au vendredi 18 décembre, " +
        "motif grève : 143 réservations annulées, 97 familles prévenues",
    );
  });

  it("elides « de » before a name or a month that starts with a vowel, never before an aspirated h", () => {
    const noms = nomsExemple();
    noms.enfants.set(LOUISE_ID, { nom: "Ane ETCHART", familleId: FAMILLE });
    const lecture = rendre("dossier_sante.lecture", { enfantId: LOUISE_ID }, noms);
    expect(lecture.phrase).toBe("Dossier santé d'Ane ETCHART consulté");
    expect(lecture.liens[0]?.texte).toBe("Famille d'Ane ETCHART");
    noms.enfants.set(LOUISE_ID, { nom: "Henri ETCHART", familleId: FAMILLE });
    expect(rendre("dossier_sante.lecture", { enfantId: LOUISE_ID }, noms).phrase).toBe(
      "Dossier santé de Henri ETCHART consulté",
    );
    expect(rendre("facturation.lancee", { ...EXEMPLES["facturation.lancee"], mois: "2026-10" }, noms).phrase).toMatch(
      /^Facturation d'octobre 2026 émise/,
    );
  });

  it("words an older entry of a kind by what it holds: a change of several days without its list", () => {
    const { phrase } = rendre(
      "reservations.agent",
      { inscriptionId: EXEMPLES["reservations.agent"]!.inscriptionId, familleId: FAMILLE, reservees: 3, annulees: 1 },
      nomsExemple(),
    );
    expect(phrase).toBe(
      "Réservations de Louise ETCHART (Restauration scolaire) modifiées par un agent : 3 jours réservés, 1 jour annulé",
    );
  });
});
