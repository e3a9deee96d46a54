// A local stand-in for the IGN Géoplateforme geocoding service (`GET /geocodage/search`), which no test machine
// can reach. It answers with the real service's shapes (GeoJSON features with the same properties, the same 400
// for a bad `q`) from a few recorded addresses around Villefranque, Bayonne and Bordeaux, and can be told to
// be slow or down:
// - "ok": answers at once;
// - "lent": answers after 3 s, past the portal's 2 s timeout;
// - "panne": answers 503, as the service's gateway does when it is down.
//
// In a test process: `startGeoplateformeStandIn()` (port 0 picks a free port). Also a command, used by
// playwright.config.ts as a webServer so it listens before the app starts:
//   tsx tests/stand-ins/geoplateforme.ts --serve --port 2527
// (the line "geoplateforme stand-in listening on <url>" says it is ready).
import { argument, lanceEnLigneDeCommande, servir } from "./servir";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type StandInMode = "ok" | "lent" | "panne";

export type GeoplateformeStandIn = {
  /** base URL, to give as ADRESSE_API_URL or as `baseUrl` */
  url: string;
  setMode(mode: StandInMode): void;
  /** path and query string of every request received, oldest first */
  requests(): string[];
  close(): Promise<void>;
};

type Feature = {
  type: "Feature";
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: {
    label: string;
    score: number;
    housenumber?: string;
    id: string;
    name: string;
    postcode: string;
    citycode: string;
    x: number;
    y: number;
    city: string;
    context: string;
    type: "housenumber" | "street" | "locality" | "municipality";
    importance: number;
    street?: string;
  };
};

const SLOW_MS = 3_000;
const LIMIT_DEFAULT = 5;
const LIMIT_MAX = 20;
const PYRENEES_ATLANTIQUES = "64, Pyrénées-Atlantiques, Nouvelle-Aquitaine";
const GIRONDE = "33, Gironde, Nouvelle-Aquitaine";

function feature(lon: number, lat: number, properties: Feature["properties"]): Feature {
  return { type: "Feature", geometry: { type: "Point", coordinates: [lon, lat] }, properties };
}

// Most precise first, as the service ranks them. The street of Villefranque has no `street` property and the
// lieu-dit only a `name`: both occur in real answers.
const FEATURES: Feature[] = [
  feature(-1.465463, 43.449736, {
    label: "65 Route de Saint Pierre d'Irube 64990 Villefranque",
    score: 0.9731,
    housenumber: "65",
    id: "64558_0430_00065",
    name: "65 Route de Saint Pierre d'Irube",
    postcode: "64990",
    citycode: "64558",
    x: 338576.7,
    y: 6271403.82,
    city: "Villefranque",
    context: PYRENEES_ATLANTIQUES,
    type: "housenumber",
    importance: 0.48062,
    street: "Route de Saint Pierre d'Irube",
  }),
  feature(-1.462387, 43.445912, {
    label: "12 Route de Saint Pierre d'Irube 64990 Villefranque",
    score: 0.9702,
    housenumber: "12",
    id: "64558_0430_00012",
    name: "12 Route de Saint Pierre d'Irube",
    postcode: "64990",
    citycode: "64558",
    x: 338801.39,
    y: 6270965.38,
    city: "Villefranque",
    context: PYRENEES_ATLANTIQUES,
    type: "housenumber",
    importance: 0.48062,
    street: "Route de Saint Pierre d'Irube",
  }),
  feature(-1.47601, 43.49237, {
    label: "12 Rue Thiers 64100 Bayonne",
    score: 0.9688,
    housenumber: "12",
    id: "64102_2660_00012",
    name: "12 Rue Thiers",
    postcode: "64100",
    citycode: "64102",
    x: 337992.44,
    y: 6276183.33,
    city: "Bayonne",
    context: PYRENEES_ATLANTIQUES,
    type: "housenumber",
    importance: 0.65702,
    street: "Rue Thiers",
  }),
  feature(-1.47434, 43.49288, {
    label: "1 Avenue du Maréchal Leclerc 64100 Bayonne",
    score: 0.9654,
    housenumber: "1",
    id: "64102_1850_00001",
    name: "1 Avenue du Maréchal Leclerc",
    postcode: "64100",
    citycode: "64102",
    x: 338130.57,
    y: 6276232.27,
    city: "Bayonne",
    context: PYRENEES_ATLANTIQUES,
    type: "housenumber",
    importance: 0.65702,
    street: "Avenue du Maréchal Leclerc",
  }),
  feature(-0.576782, 44.842115, {
    label: "12 Cours de l'Intendance 33000 Bordeaux",
    score: 0.9712,
    housenumber: "12",
    id: "33063_2890_00012",
    name: "12 Cours de l'Intendance",
    postcode: "33000",
    citycode: "33063",
    x: 417454.13,
    y: 6422283.47,
    city: "Bordeaux",
    context: GIRONDE,
    type: "housenumber",
    importance: 0.78315,
    street: "Cours de l'Intendance",
  }),
  feature(-1.463952, 43.447801, {
    label: "Route de Saint Pierre d'Irube 64990 Villefranque",
    score: 0.9415,
    id: "64558_0430",
    name: "Route de Saint Pierre d'Irube",
    postcode: "64990",
    citycode: "64558",
    x: 338686.71,
    y: 6271182.17,
    city: "Villefranque",
    context: PYRENEES_ATLANTIQUES,
    type: "street",
    importance: 0.48062,
  }),
  feature(-0.57918, 44.837789, {
    label: "Place Pey Berland 33000 Bordeaux",
    score: 0.9398,
    id: "33063_6920",
    name: "Place Pey Berland",
    postcode: "33000",
    citycode: "33063",
    x: 417243.06,
    y: 6421812.05,
    city: "Bordeaux",
    context: GIRONDE,
    type: "street",
    importance: 0.78315,
    street: "Place Pey Berland",
  }),
  feature(-1.441863, 43.431274, {
    label: "Lissalde 64990 Villefranque",
    score: 0.9201,
    id: "64558_b015",
    name: "Lissalde",
    postcode: "64990",
    citycode: "64558",
    x: 340369.43,
    y: 6269247.23,
    city: "Villefranque",
    context: PYRENEES_ATLANTIQUES,
    type: "locality",
    importance: 0.48062,
  }),
  feature(-1.453258, 43.436659, {
    label: "Villefranque",
    score: 0.9102,
    id: "64558",
    name: "Villefranque",
    postcode: "64990",
    citycode: "64558",
    x: 339481.56,
    y: 6269896.8,
    city: "Villefranque",
    context: PYRENEES_ATLANTIQUES,
    type: "municipality",
    importance: 0.48062,
  }),
  feature(-1.459025, 43.475823, {
    label: "Saint-Pierre-d'Irube",
    score: 0.9054,
    id: "64496",
    name: "Saint-Pierre-d'Irube",
    postcode: "64990",
    citycode: "64496",
    x: 339260.88,
    y: 6274269.35,
    city: "Saint-Pierre-d'Irube",
    context: PYRENEES_ATLANTIQUES,
    type: "municipality",
    importance: 0.52143,
  }),
];

/** Lower case, without accents, cut into words: "Saint-Pierre-d'Irube" gives saint, pierre, d, irube. */
function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Like the service in autocomplete mode, each word typed may be the start of a word of the address; the
// postcode and city count even when the label (a municipality's) does not repeat them.
function matches(feature: Feature, query: string[]): boolean {
  const { label, postcode, city } = feature.properties;
  const known = words(`${label} ${postcode} ${city}`);
  return query.every((word) => known.some((candidate) => candidate.startsWith(word)));
}

/** The service's own test: a letter is a character with two cases; a digit is 0-9. */
function startsWithLetterOrDigit(q: string): boolean {
  const first = q.charAt(0);
  return first.toLowerCase() !== first.toUpperCase() || /[0-9]/.test(first);
}

/** The parameter errors the real service lists, in its words. */
function parameterErrors(params: URLSearchParams): string[] {
  const errors: string[] = [];
  const q = params.get("q")?.trim() ?? "";
  if (!q) errors.push("q: q is a required param");
  else if (q.length < 3 || q.length > 200 || !startsWithLetterOrDigit(q)) {
    errors.push("q: must contain between 3 and 200 chars and start with a number or a letter");
  }
  const limit = params.get("limit")?.trim();
  if (limit && !(/^[1-9]\d*$/.test(limit) && Number(limit) <= LIMIT_MAX)) {
    errors.push(`limit: Param limit must be an integer between 1 and ${LIMIT_MAX}`);
  }
  return errors;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://stand-in");
  if (req.method !== "GET" || url.pathname.replace(/\/$/, "") !== "/geocodage/search") {
    sendJson(res, 404, { code: 404, message: "Not Found" });
    return;
  }
  const errors = parameterErrors(url.searchParams);
  if (errors.length > 0) {
    sendJson(res, 400, { code: 400, message: "Failed parsing query", detail: errors });
    return;
  }
  const query = words(url.searchParams.get("q") ?? "");
  const limit = Number(url.searchParams.get("limit") || LIMIT_DEFAULT);
  sendJson(res, 200, {
    type: "FeatureCollection",
    features: FEATURES.filter((f) => matches(f, query)).slice(0, limit),
  });
}

export async function startGeoplateformeStandIn(options: { port?: number } = {}): Promise<GeoplateformeStandIn> {
  let mode: StandInMode = "ok";
  const received: string[] = [];

  const server = createServer((req, res) => {
    received.push(req.url ?? "");
    if (mode === "panne") {
      res
        .writeHead(503, { "content-type": "text/html; charset=utf-8" })
        .end("<html><body><h1>503 Service Unavailable</h1></body></html>");
      return;
    }
    if (mode === "lent") {
      const timer = setTimeout(() => answer(req, res), SLOW_MS);
      // A client that gave up (the portal's timeout) leaves nothing behind.
      res.on("close", () => clearTimeout(timer));
      return;
    }
    answer(req, res);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setMode(next) {
      mode = next;
    },
    requests: () => [...received],
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // Slow answers and kept-alive sockets would otherwise hold close() for seconds.
        server.closeAllConnections();
      }),
  };
}

// Command-line use (see the header comment).
if (lanceEnLigneDeCommande("geoplateforme")) {
  servir(
    "geoplateforme",
    startGeoplateformeStandIn({ port: Number(argument("port") ?? process.env.E2E_ADRESSE_PORT ?? 2527) }),
  );
}
