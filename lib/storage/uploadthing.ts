// Files kept by uploadthing (https://uploadthing.com) instead of the local disk, when UPLOADTHING_TOKEN is set:
// for a deployment on several nodes, or without a persistent disk. Through uploadthing's own SDK (UTApi of the
// `uploadthing` package, pinned), so the protocol (key generation, signed ingest URLs, API headers) is theirs:
//   put:    uploadFiles() signs an ingest URL with the api key and PUTs the bytes to it; files are private
//           (acl "private") under a random name that says nothing about the file.
//   get:    getSignedURL() asks the API for a short-lived signed URL; the bytes are read from it.
//   remove: deleteFiles().
// The SDK redacts the api key from its own logs; its logger is silenced all the same (logLevel "None") and
// failures are reported by the caller with a message that names the call and the status, never the key.
// Keys are uploadthing's file keys, checked against KEY before any call (a malformed one: get gives null,
// remove throws, as on the local disk).
import "server-only";
import { randomUUID } from "node:crypto";
import type { UTApi } from "uploadthing/server";
import type { Storage } from "@/lib/storage/storage";

/** The decoded UPLOADTHING_TOKEN (base64 of JSON), as the dashboard gives it. */
export type UploadthingToken = { apiKey: string; appId: string; regions: string[] };

export type UploadthingOptions = {
  /** base URL of the API (default: the SDK's, https://api.uploadthing.com) */
  apiUrl?: string;
  /** base URL of the ingest server (default: the SDK's, derived from the token's region) */
  ingestUrl?: string;
  /** the fetch the SDK and the downloads use (tests reach a stand-in through it) */
  fetch?: typeof fetch;
};

/** uploadthing's file keys: URL-safe letters and digits (never a path, a query or a dot). */
const KEY = /^[A-Za-z0-9_-]{8,128}$/;
const DELAI_MS = 30_000;
/** uploadthing's answers for a file key it does not know (or no longer knows). */
const INCONNU = new Set([400, 404]);

export function parseUploadthingToken(token: string): UploadthingToken {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token.trim(), "base64").toString("utf8"));
  } catch {
    throw new Error(
      "UPLOADTHING_TOKEN illisible : copiez le jeton tel que le tableau de bord d'uploadthing le donne (base64).",
    );
  }
  const { apiKey, appId, regions } = (decoded ?? {}) as Partial<UploadthingToken>;
  if (
    typeof apiKey !== "string" ||
    !apiKey.startsWith("sk_") ||
    typeof appId !== "string" ||
    !appId ||
    !Array.isArray(regions)
  ) {
    throw new Error("UPLOADTHING_TOKEN incomplet : il doit contenir apiKey (sk_…), appId et regions.");
  }
  return { apiKey, appId, regions: regions.filter((r): r is string => typeof r === "string") };
}

function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error("Clé de fichier invalide.");
}

/** The HTTP status of a failed SDK call (an @effect/platform ResponseError carries the response). */
function statut(error: unknown): number | undefined {
  const response = (error as { response?: { status?: unknown } } | null)?.response;
  return typeof response?.status === "number" ? response.status : undefined;
}

/** An error that names the call and the status, never the request (its headers hold the api key). */
function echec(operation: string, detail: number | string | undefined): Error {
  const quoi = typeof detail === "number" ? `HTTP ${detail}` : (detail ?? "erreur réseau");
  return new Error(`uploadthing : ${operation} a échoué (${quoi}).`);
}

// The SDK (and the effect runtime under it) is loaded at the first call, not when this module is: every process
// that imports the storage (each test file, each script) would otherwise load it for nothing on the local disk.
const sdk = () => import("uploadthing/server");

export class UploadthingStorage implements Storage {
  private readonly token: string;
  private readonly options: UploadthingOptions;
  private readonly fetch: typeof fetch;
  private client: Promise<UTApi> | undefined;

  /** `token` is UPLOADTHING_TOKEN as the dashboard gives it; it is checked here, with a French message. */
  constructor(token: string, options: UploadthingOptions = {}) {
    parseUploadthingToken(token);
    this.token = token.trim();
    this.options = options;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  private api(): Promise<UTApi> {
    this.client ??= sdk().then(
      ({ UTApi }) =>
        new UTApi({
          token: this.token,
          fetch: this.fetch,
          logLevel: "None",
          ...(this.options.apiUrl ? { apiUrl: this.options.apiUrl } : {}),
          ...(this.options.ingestUrl ? { ingestUrl: this.options.ingestUrl } : {}),
        }),
    );
    return this.client;
  }

  async put(bytes: Uint8Array): Promise<string> {
    // The name and type uploadthing records say nothing about the file: the portal keeps those itself.
    const { UTFile } = await sdk();
    const fichier = new UTFile([new Uint8Array(bytes)], `${randomUUID()}.bin`, { type: "application/octet-stream" });
    const envoi = await (
      await this.api()
    ).uploadFiles(fichier, {
      acl: "private",
      contentDisposition: "attachment",
      signal: AbortSignal.timeout(DELAI_MS),
    });
    if (envoi.error) throw echec("envoi du fichier", envoi.error.code);
    checkKey(envoi.data.key);
    return envoi.data.key;
  }

  async get(key: string): Promise<Uint8Array | null> {
    // As on the local disk: a malformed key names no file, and is never sent anywhere.
    if (!KEY.test(key)) return null;
    let url: string;
    try {
      ({ url } = await (await this.api()).getSignedURL(key, { expiresIn: 60 }));
    } catch (error) {
      const status = statut(error);
      if (status !== undefined && INCONNU.has(status)) return null;
      throw echec("requestFileAccess", status);
    }
    const fichier = await this.fetch(url, { cache: "no-store", signal: AbortSignal.timeout(DELAI_MS) });
    if (fichier.status === 404) return null;
    if (!fichier.ok) throw echec("lecture du fichier", fichier.status);
    return new Uint8Array(await fichier.arrayBuffer());
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    try {
      await (await this.api()).deleteFiles(key);
    } catch (error) {
      const status = statut(error);
      // Like rm --force: a file already gone is not an error.
      if (status === undefined || !INCONNU.has(status)) throw echec("deleteFiles", status);
    }
  }
}
