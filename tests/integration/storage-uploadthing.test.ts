// The storage interface behaves the same on the local disk and at uploadthing (against a local stand-in of its
// HTTP API, tests/stand-ins/uploadthing.ts): bytes come back identical, an unknown key gives null, a removed
// file is gone, a malformed key is refused before any disk or network access. The uploadthing adapter sends
// its api key in the header uploadthing expects, only to the API, and never writes it to a log or an error.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LocalDiskStorage, type Storage } from "@/lib/storage/storage";
import { parseUploadthingToken, UploadthingStorage } from "@/lib/storage/uploadthing";
import { startUploadthingStandIn, type UploadthingStandIn } from "@/tests/stand-ins/uploadthing";

let standIn: UploadthingStandIn;
let dossier: string;

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
    () => new UploadthingStorage(parseUploadthingToken(standIn.token), standIn.url),
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

  it("sends the api key in x-uploadthing-api-key to the API only, never to the presigned URLs", async () => {
    const storage = new UploadthingStorage(parseUploadthingToken(standIn.token), standIn.url);
    const depuis = standIn.requests().length;
    const octets = new Uint8Array(randomBytes(1000));
    const cle = await storage.put(octets);
    expect(Buffer.from(standIn.stored(cle)!).equals(Buffer.from(octets))).toBe(true);
    await storage.get(cle);
    await storage.remove(cle);
    const appels = standIn.requests().slice(depuis);
    expect(appels.map((a) => `${a.method} ${a.path.replace(cle, "<cle>")}`)).toEqual([
      "POST /v7/prepareUpload",
      "PUT /ingest/<cle>",
      "POST /v6/requestFileAccess",
      "GET /f/<cle>",
      "POST /v6/deleteFiles",
    ]);
    for (const appel of appels) {
      expect(appel.headers["x-uploadthing-api-key"]).toBe(appel.path.startsWith("/v") ? standIn.apiKey : undefined);
      expect(JSON.stringify(appel.headers).includes(standIn.apiKey)).toBe(appel.path.startsWith("/v"));
    }
  });

  it("a refused api key fails with a message that names the call, not the key", async () => {
    const fauxJeton = Buffer.from(
      JSON.stringify({ apiKey: `sk_live_${standIn.apiKey.slice(8, 20)}faux`, appId: "app", regions: ["fra1"] }),
    ).toString("base64");
    const storage = new UploadthingStorage(parseUploadthingToken(fauxJeton), standIn.url);
    const erreur = await storage.put(new Uint8Array([1])).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(erreur?.message).toBe("uploadthing : prepareUpload a échoué (HTTP 401).");
    expect(`${erreur?.message} ${erreur?.stack}`).not.toContain("sk_live");
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
    vi.resetModules();
    try {
      const { getStorage } = await import("@/lib/storage/storage");
      const cle = await getStorage().put(new Uint8Array([7, 7, 7]));
      expect(standIn.stored(cle)).toEqual(new Uint8Array([7, 7, 7]));
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
