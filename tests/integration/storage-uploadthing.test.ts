// The storage interface behaves the same on the local disk and at uploadthing, reached through uploadthing's own
// SDK (UTApi) pointed at a local stand-in of its API and ingest server (tests/stand-ins/uploadthing.ts): bytes
// come back identical, an unknown key gives null, a removed file is gone, a malformed key is refused before any
// disk or network access. The SDK signs the upload itself and sends the api key in the header uploadthing
// expects, only to the API; nothing writes the key to a log or an error.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LocalDiskStorage, type Storage } from "@/lib/storage/storage";
import { parseUploadthingToken, UploadthingStorage, type UploadthingOptions } from "@/lib/storage/uploadthing";
import { startUploadthingStandIn, type UploadthingStandIn } from "@/tests/stand-ins/uploadthing";

let standIn: UploadthingStandIn;
let dossier: string;

/** Every request the SDK makes goes through this fetch (its `fetch` option), recorded by URL. */
const vus: string[] = [];
const fetchVu: typeof fetch = (input, init) => {
  vus.push(input instanceof Request ? input.url : String(input));
  return fetch(input, init);
};
const versStandIn = (): UploadthingOptions => ({ apiUrl: standIn.url, ingestUrl: standIn.ingestUrl, fetch: fetchVu });

beforeAll(async () => {
  standIn = await startUploadthingStandIn();
  dossier = await mkdtemp(path.join(tmpdir(), "stockage-"));
});
afterAll(async () => {
  await standIn.close();
  await rm(dossier, { recursive: true, force: true });
});

const ADAPTATEURS: [string, () => Storage, () => string][] = [
  ["disque local", () => new LocalDiskStorage(dossier), () => randomUUID()],
  [
    "uploadthing",
    () => new UploadthingStorage(standIn.token, versStandIn()),
    () => `inconnu${randomBytes(12).toString("base64url")}`,
  ],
];

describe.each(ADAPTATEURS)("stockage : %s", (_nom, adaptateur, cleInconnue) => {
  it("gives back the very bytes stored, under a new key each time", async () => {
    const storage = adaptateur();
    const octets = new Uint8Array(randomBytes(300_000));
    octets.set([0, 0, 0, 0xff], 0);
    const [cle, autre] = [await storage.put(octets), await storage.put(octets)];
    expect(cle).not.toBe(autre);
    expect(Buffer.from((await storage.get(cle))!).equals(Buffer.from(octets))).toBe(true);
  });

  it("answers null for an unknown key, and for a removed file; removing twice is not an error", async () => {
    const storage = adaptateur();
    expect(await storage.get(cleInconnue())).toBeNull();
    const cle = await storage.put(new Uint8Array([1, 2, 3]));
    await storage.remove(cle);
    expect(await storage.get(cle)).toBeNull();
    await expect(storage.remove(cle)).resolves.toBeUndefined();
  });

  it("never follows a malformed key: get answers null, remove refuses it, nothing is touched", async () => {
    const storage = adaptateur();
    const avant = standIn.requests().length;
    for (const cle of ["../../etc/passwd", "", "a/b", "x".repeat(300), "cle?x=1"]) {
      expect(await storage.get(cle)).toBeNull();
      await expect(storage.remove(cle)).rejects.toThrow("Clé de fichier invalide.");
    }
    expect(standIn.requests().length).toBe(avant);
  });
});

describe("uploadthing", () => {
  const journal: string[] = [];
  beforeAll(() => {
    for (const niveau of ["log", "info", "warn", "error", "debug", "trace"] as const) {
      vi.spyOn(console, niveau).mockImplementation(
        (...args: unknown[]) =>
          void journal.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" ")),
      );
    }
  });
  afterEach(() => {
    expect(journal.join("\n")).not.toContain(standIn.apiKey);
  });
  afterAll(() => vi.restoreAllMocks());

  it("goes through the SDK (its fetch, its headers): the api key in x-uploadthing-api-key to the API only", async () => {
    const storage = new UploadthingStorage(standIn.token, versStandIn());
    const depuis = standIn.requests().length;
    const vusDepuis = vus.length;
    const octets = new Uint8Array(randomBytes(1000));
    const cle = await storage.put(octets);
    expect(Buffer.from(standIn.stored(cle)!.bytes).equals(Buffer.from(octets))).toBe(true);
    // Stored private: only a signed URL asked with the api key reads it.
    expect(standIn.stored(cle)!.acl).toBe("private");
    await storage.get(cle);
    await storage.remove(cle);
    const appels = standIn.requests().slice(depuis);
    expect(appels.map((a) => `${a.method} ${a.path.replace(cle, "<cle>")}`)).toEqual([
      "PUT /ingest/<cle>",
      "POST /v6/requestFileAccess",
      "GET /f/<cle>",
      "POST /v6/deleteFiles",
    ]);
    // Every one of them went through the fetch given to the adapter, the SDK's own calls included.
    expect(vus.slice(vusDepuis).map((url) => new URL(url).pathname.replace(cle, "<cle>"))).toEqual([
      "/ingest/<cle>",
      "/v6/requestFileAccess",
      "/f/<cle>",
      "/v6/deleteFiles",
    ]);
    for (const appel of appels) {
      const versApi = appel.path.startsWith("/v");
      expect(appel.headers["x-uploadthing-api-key"]).toBe(versApi ? standIn.apiKey : undefined);
      expect(JSON.stringify(appel.headers).includes(standIn.apiKey)).toBe(versApi);
      // The SDK says who it is: the version pinned in package.json, not a header we write ourselves.
      if (versApi) expect(appel.headers["x-uploadthing-be-adapter"]).toBe("server-sdk");
      if (appel.method !== "GET") expect(appel.headers["x-uploadthing-version"]).toBe("7.7.4");
    }
  });

  it("a refused api key fails with a message that names the call, not the key", async () => {
    const fauxJeton = Buffer.from(
      JSON.stringify({ apiKey: `sk_live_${standIn.apiKey.slice(8, 20)}faux`, appId: "app", regions: ["fra1"] }),
    ).toString("base64");
    const storage = new UploadthingStorage(fauxJeton, versStandIn());
    const cle = await new UploadthingStorage(standIn.token, versStandIn()).put(new Uint8Array([1]));
    const erreurs = await Promise.all(
      [() => storage.put(new Uint8Array([1])), () => storage.get(cle), () => storage.remove(cle)].map((appel) =>
        appel().then(
          () => null,
          (e: unknown) => e as Error,
        ),
      ),
    );
    expect(erreurs.map((e) => e?.message)).toEqual([
      "uploadthing : envoi du fichier a échoué (UPLOAD_FAILED).",
      "uploadthing : requestFileAccess a échoué (HTTP 401).",
      "uploadthing : deleteFiles a échoué (HTTP 401).",
    ]);
    for (const erreur of erreurs) expect(`${erreur?.message} ${erreur?.stack}`).not.toContain("sk_live");
    // The file is still there: a refused key removed nothing.
    expect(standIn.stored(cle)).toBeDefined();
  });

  it("reads UPLOADTHING_TOKEN as the dashboard gives it, and refuses a token it cannot use without echoing it", () => {
    expect(parseUploadthingToken(standIn.token)).toMatchObject({ apiKey: standIn.apiKey, regions: ["fra1"] });
    const incomplet = Buffer.from(JSON.stringify({ apiKey: standIn.apiKey })).toString("base64");
    for (const jeton of ["pas du base64 !", incomplet]) {
      let message = "";
      try {
        parseUploadthingToken(jeton);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^UPLOADTHING_TOKEN (illisible|incomplet)/);
      expect(message).not.toContain(standIn.apiKey);
    }
  });

  it("getStorage() uses uploadthing when UPLOADTHING_TOKEN is set", async () => {
    vi.stubEnv("UPLOADTHING_TOKEN", standIn.token);
    vi.stubEnv("UPLOADTHING_API_URL", standIn.url);
    // The SDK reads its ingest server from its own variable (in production: derived from the token's region).
    vi.stubEnv("UPLOADTHING_INGEST_URL", standIn.ingestUrl);
    vi.resetModules();
    try {
      const { getStorage } = await import("@/lib/storage/storage");
      const cle = await getStorage().put(new Uint8Array([7, 7, 7]));
      expect(standIn.stored(cle)?.bytes).toEqual(new Uint8Array([7, 7, 7]));
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
