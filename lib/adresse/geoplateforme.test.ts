import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { rechercherAdresses } from "@/lib/adresse/geoplateforme";
import { log } from "@/lib/log";
import { startGeoplateformeStandIn, type GeoplateformeStandIn } from "@/tests/stand-ins/geoplateforme";

let standIn: GeoplateformeStandIn;
let warn: MockInstance<typeof log.warn>;

beforeAll(async () => {
  standIn = await startGeoplateformeStandIn({ port: 0 });
});
afterAll(() => standIn.close());

beforeEach(() => {
  standIn.setMode("ok");
  warn = vi.spyOn(log, "warn").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const search = (q: string, options: { timeoutMs?: number } = {}) =>
  rechercherAdresses(q, { baseUrl: standIn.url, ...options });

/** The one line logged for a failure, checked to say why without repeating what was typed. */
function expectOneWarning(kind: string, query: string): void {
  expect(warn).toHaveBeenCalledTimes(1);
  // the whole line as written: its fields and its message
  const line = JSON.stringify(warn.mock.calls[0]);
  expect(line).toContain("adresse.indisponible");
  expect(line).toContain(kind);
  expect(line.toLowerCase()).not.toContain(query.toLowerCase());
}

describe("rechercherAdresses", () => {
  it("maps a housenumber to the fields of the form", async () => {
    expect(await search("65 route de saint pierre")).toEqual([
      {
        label: "65 Route de Saint Pierre d'Irube 64990 Villefranque",
        numero: "65",
        voie: "Route de Saint Pierre d'Irube",
        codePostal: "64990",
        ville: "Villefranque",
        codeInsee: "64558",
        pays: "FRANCE",
      },
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("asks for autocompletion and five answers, with the text trimmed", async () => {
    const before = standIn.requests().length;
    await search("  12 rue thiers ");
    const sent = standIn.requests().slice(before);
    expect(sent).toHaveLength(1);
    const url = new URL(sent[0]!, standIn.url);
    expect(url.pathname).toBe("/geocodage/search");
    expect(url.searchParams.get("q")).toBe("12 rue thiers");
    expect(url.searchParams.get("autocomplete")).toBe("1");
    expect(url.searchParams.get("limit")).toBe("5");
  });

  it("takes the voie from the name of a street or a lieu-dit, and leaves it empty for a commune", async () => {
    const suggestions = await search("villefranque");
    expect(suggestions.map((s) => [s.label, s.numero, s.voie])).toEqual([
      ["65 Route de Saint Pierre d'Irube 64990 Villefranque", "65", "Route de Saint Pierre d'Irube"],
      ["12 Route de Saint Pierre d'Irube 64990 Villefranque", "12", "Route de Saint Pierre d'Irube"],
      ["Route de Saint Pierre d'Irube 64990 Villefranque", "", "Route de Saint Pierre d'Irube"],
      ["Lissalde 64990 Villefranque", "", "Lissalde"],
      ["Villefranque", "", ""],
    ]);
    expect(suggestions.at(-1)).toMatchObject({ codePostal: "64990", ville: "Villefranque", codeInsee: "64558" });
  });

  it("gets at most five suggestions", async () => {
    // Six recorded places are in 64990.
    expect(await search("64990")).toHaveLength(5);
  });

  it.each(["ab", "  -x", "  ab  ", "-rue Thiers", `1${"a".repeat(200)}`])("sends nothing for %j", async (q) => {
    const before = standIn.requests().length;
    expect(await search(q)).toEqual([]);
    expect(standIn.requests()).toHaveLength(before);
    expect(warn).not.toHaveBeenCalled();
  });

  it("gives up within the timeout when the service is slow", async () => {
    standIn.setMode("lent");
    const started = performance.now();
    expect(await search("65 route de saint pierre", { timeoutMs: 300 })).toEqual([]);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1_500);
    expectOneWarning("délai dépassé", "65 route de saint pierre");
  });

  it("answers nothing when the service is down", async () => {
    standIn.setMode("panne");
    expect(await search("12 rue thiers")).toEqual([]);
    expectOneWarning("HTTP 503", "12 rue thiers");
  });

  it("answers nothing when the service cannot be reached", async () => {
    const gone = await startGeoplateformeStandIn({ port: 0 });
    await gone.close();
    expect(await rechercherAdresses("12 rue thiers", { baseUrl: gone.url })).toEqual([]);
    expectOneWarning("erreur réseau (ECONNREFUSED)", "12 rue thiers");
  });

  describe("with answers the stand-in never gives", () => {
    const answers: [string, () => Response, string][] = [
      [
        "too many requests",
        () => Response.json({ code: 429, message: "Too Many Requests" }, { status: 429 }),
        "HTTP 429",
      ],
      [
        "not JSON",
        () => new Response("<html>maintenance</html>", { headers: { "content-type": "text/html" } }),
        "réponse non JSON",
      ],
      [
        "another shape",
        () => Response.json({ type: "FeatureCollection", features: [{ properties: { label: "12 Rue Thiers" } }] }),
        "réponse de forme inattendue",
      ],
    ];
    it.each(answers)("answers nothing for %s", async (_name, response, kind) => {
      vi.spyOn(globalThis, "fetch").mockResolvedValue(response());
      expect(await rechercherAdresses("12 rue thiers", { baseUrl: "http://127.0.0.1:9" })).toEqual([]);
      expectOneWarning(kind, "12 rue thiers");
    });
  });
});
