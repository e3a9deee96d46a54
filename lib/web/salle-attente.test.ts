// The waiting room's answer (the protocol the bench and the forms rely on), what goes past the queue, and the
// settings' defaults.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { lireEnvironnement } from "@/lib/config";
import { concurrenceParDefaut, horsFile, reglagesAdmission } from "@/lib/web/admission-noeud";
import { POLITIQUE_SALLE_ATTENTE, reponseSalleAttente } from "@/lib/web/salle-attente";
import { duree, messageAction, rang, reessaiPour, salleAttenteDe } from "@/lib/web/salle-attente-protocole";

const salle = { position: 37, estimation: 20, reessai: 20 };
const sha = (texte: string) => `'sha256-${createHash("sha256").update(texte).digest("base64")}'`;

describe("the « salle d'attente » answer", () => {
  it("a page GET: 503, its headers, the French page whose inline style and script its policy allows by hash", () => {
    const { status, enTetes, corps } = reponseSalleAttente(salle, {
      methode: "GET",
      action: false,
      adresse: "/mon-espace?mois=6",
    });
    expect(status).toBe(503);
    expect(enTetes).toMatchObject({
      "retry-after": "20",
      "x-salle-attente": "position=37; estimation=20",
      "cache-control": "no-store",
      "content-type": "text/html; charset=utf-8",
    });
    expect(corps).toContain("Vous êtes 37e dans la file");
    expect(corps).toContain("environ 20 secondes");
    // without JavaScript the page reloads itself; with it, the script does, and can be suspended
    expect(corps).toContain('<noscript><meta http-equiv="refresh" content="20"></noscript>');
    expect(corps).toContain('<button type="button" id="suspendre" hidden>Suspendre les essais automatiques</button>');
    expect(corps).toContain('<a href="/mon-espace?mois=6">Réessayer maintenant</a>');
    const style = /<style>([\s\S]*?)<\/style>/.exec(corps)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(corps)![1]!;
    expect(POLITIQUE_SALLE_ATTENTE).toContain(`style-src ${sha(style)}`);
    expect(POLITIQUE_SALLE_ATTENTE).toContain(`script-src ${sha(script)}`);
    expect(enTetes["content-security-policy"]).toBe(POLITIQUE_SALLE_ATTENTE);
  });

  it("escapes the address it links to", () => {
    const { corps } = reponseSalleAttente(salle, { methode: "GET", action: false, adresse: '/a?b="><script>' });
    expect(corps).toContain('href="/a?b=&quot;&gt;&lt;script&gt;"');
  });

  it("HEAD: the same headers, no body; a POST without JavaScript: the way back, no automatic resend", () => {
    expect(reponseSalleAttente(salle, { methode: "HEAD", action: false, adresse: "/" }).corps).toBe("");
    const envoi = reponseSalleAttente(salle, { methode: "POST", action: false, adresse: "/" }).corps;
    expect(envoi).toContain("bouton « Retour » de votre navigateur");
    expect(envoi).not.toContain("http-equiv");
    expect(envoi).not.toContain("<script>");
  });

  it("a server action: text/plain exactly (what Next's client turns into the Error's message), read back by the forms", () => {
    const { enTetes, corps } = reponseSalleAttente(salle, { methode: "POST", action: true, adresse: "/" });
    expect(enTetes["content-type"]).toBe("text/plain");
    expect(corps).toBe(messageAction(salle));
    expect(salleAttenteDe(new Error(corps))).toEqual(salle);
    expect(salleAttenteDe(new Error("Une erreur inattendue"))).toBeUndefined();
    expect(salleAttenteDe("Salle d'attente : position=1; estimation=1; reessai=1")).toBeUndefined();
  });

  it("words: ranks, durations, the retry within 1 and 30 s", () => {
    expect([rang(1), rang(2), rang(37)]).toEqual(["1er", "2e", "37e"]);
    expect([duree(1), duree(45), duree(180)]).toEqual(["1 seconde", "45 secondes", "3 minutes"]);
    expect([reessaiPour(0), reessaiPour(12), reessaiPour(400)]).toEqual([1, 12, 30]);
  });
});

describe("what goes past the queue", () => {
  const publics = new Set(["/agent/pointage-sw.js", "/bench-statique.html"]);
  it.each([
    ["GET", "/_next/static/chunks/abc.js", true],
    ["GET", "/_next/image", true],
    ["GET", "/agent/pointage-sw.js", true],
    ["GET", "/icon.svg", true],
    ["GET", "/favicon.ico", true],
    ["GET", "/manifest.webmanifest", true],
    ["GET", "/api/health", true],
    ["GET", "/connexion", true],
    ["HEAD", "/", true],
    // a login or an action posted to a cached page's path is queued like any action
    ["POST", "/connexion", false],
    ["GET", "/mon-espace", false],
    ["GET", "/mon-espace/plancher", false],
    ["GET", "/connexion/franceconnect", false],
    ["POST", "/famille/reservations", false],
    ["GET", "/api/sante", true],
    ["GET", "/api/session", false],
  ])("%s %s: %s", (methode, chemin, attendu) => {
    expect(horsFile(methode, chemin, publics)).toBe(attendu);
  });
});

describe("the settings", () => {
  it("sizes the concurrency to the pool, at least 2 and at most four per core", () => {
    expect(concurrenceParDefaut({ pool: 5, coeurs: 2 })).toBe(5);
    expect(concurrenceParDefaut({ pool: 1, coeurs: 2 })).toBe(2);
    expect(concurrenceParDefaut({ pool: 40, coeurs: 2 })).toBe(8);
  });

  it("reads the variables; only « illimitee » turns the limit off, 0 is refused", () => {
    const env = lireEnvironnement({
      ADMISSION_CONCURRENCE: "3",
      ADMISSION_FILE: "10",
      ADMISSION_ATTENTE_MAX_MS: "5000",
    });
    expect(reglagesAdmission(env)).toEqual({ concurrence: 3, file: 10, fileActions: 40, attenteMaxMs: 5000 });
    expect(reglagesAdmission(lireEnvironnement({ ADMISSION_CONCURRENCE: "illimitee" })).concurrence).toBe(Infinity);
    const parDefaut = reglagesAdmission(lireEnvironnement({ DATABASE_POOL_SIZE: "4" }));
    expect(parDefaut).toMatchObject({ file: 200, fileActions: 800, attenteMaxMs: 30_000 });
    expect(parDefaut.concurrence).toBe(4);
    expect(() => lireEnvironnement({ ADMISSION_CONCURRENCE: "0" })).toThrow(/ADMISSION_CONCURRENCE doit être/);
    expect(() => lireEnvironnement({ ADMISSION_CONCURRENCE: "non" })).toThrow(/ADMISSION_CONCURRENCE doit être/);
  });
});
