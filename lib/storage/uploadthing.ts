// Files kept by uploadthing (https://uploadthing.com) instead of the local disk, when UPLOADTHING_TOKEN is set:
// for a deployment on several nodes, or without a persistent disk. No SDK: its REST API through fetch.
//   put:    POST /v7/prepareUpload (api key) gives a file key and a presigned URL; the bytes are PUT to that URL
//           as multipart form data (field "file"). Files are private (acl "private"), under a random name.
//   get:    POST /v6/requestFileAccess gives a short-lived signed URL; the bytes are read from it.
//   remove: POST /v6/deleteFiles.
// The api key travels only in the x-uploadthing-api-key header of calls to the API, never in a URL, an error
// message or a log line. Keys are uploadthing's file keys, checked against KEY before any call (a malformed
// one: get gives null, remove throws, as on the local disk).
import "server-only";
import { randomUUID } from "node:crypto";
import type { Storage } from "@/lib/storage/storage";

/** The decoded UPLOADTHING_TOKEN (base64 of JSON), as the dashboard gives it. */
export type UploadthingToken = { apiKey: string; appId: string; regions: string[] };

/** uploadthing's file keys: URL-safe letters and digits (never a path, a query or a dot). */
const KEY = /^[A-Za-z0-9_-]{8,128}$/;
const ENTETE_VERSION = "7.7.4";
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

/** An error that names the call and the status, never the request's headers (the api key). */
function echec(operation: string, status: number): Error {
  return new Error(`uploadthing : ${operation} a échoué (HTTP ${status}).`);
}

export class UploadthingStorage implements Storage {
  constructor(
    private readonly token: UploadthingToken,
    private readonly apiUrl = "https://api.uploadthing.com",
  ) {}

  /** A call to uploadthing's API (JSON in, JSON out), authenticated by the api key header. */
  private async api(path: string, body: unknown): Promise<Response> {
    return fetch(`${this.apiUrl.replace(/\/$/, "")}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-uploadthing-api-key": this.token.apiKey,
        "x-uploadthing-version": ENTETE_VERSION,
        "x-uploadthing-be-adapter": "portail-famille",
      },
      body: JSON.stringify(body),
      cache: "no-store",
      signal: AbortSignal.timeout(DELAI_MS),
    });
  }

  async put(bytes: Uint8Array): Promise<string> {
    // The name and type uploadthing records say nothing about the file: the portal keeps those itself.
    const fileName = `${randomUUID()}.bin`;
    const prepare = await this.api("/v7/prepareUpload", {
      fileName,
      fileSize: bytes.length,
      fileType: "application/octet-stream",
      contentDisposition: "attachment",
      acl: "private",
      expiresIn: 600,
    });
    if (!prepare.ok) throw echec("prepareUpload", prepare.status);
    const { key, url } = (await prepare.json()) as { key?: unknown; url?: unknown };
    if (typeof key !== "string" || typeof url !== "string")
      throw new Error("uploadthing : réponse de prepareUpload inattendue.");
    checkKey(key);

    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/octet-stream" }), fileName);
    // The presigned URL carries its own signature: the api key is not sent to it.
    const envoi = await fetch(url, { method: "PUT", body: form, signal: AbortSignal.timeout(DELAI_MS) });
    if (!envoi.ok) {
      await this.remove(key).catch(() => undefined);
      throw echec("envoi du fichier", envoi.status);
    }
    return key;
  }

  async get(key: string): Promise<Uint8Array | null> {
    // As on the local disk: a malformed key names no file, and is never sent anywhere.
    if (!KEY.test(key)) return null;
    const acces = await this.api("/v6/requestFileAccess", { fileKey: key, expiresIn: 60 });
    if (INCONNU.has(acces.status)) return null;
    if (!acces.ok) throw echec("requestFileAccess", acces.status);
    const { url } = (await acces.json()) as { url?: unknown };
    if (typeof url !== "string") throw new Error("uploadthing : réponse de requestFileAccess inattendue.");
    const fichier = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(DELAI_MS) });
    if (fichier.status === 404) return null;
    if (!fichier.ok) throw echec("lecture du fichier", fichier.status);
    return new Uint8Array(await fichier.arrayBuffer());
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    const suppression = await this.api("/v6/deleteFiles", { fileKeys: [key] });
    // Like rm --force: a file already gone is not an error.
    if (!suppression.ok && !INCONNU.has(suppression.status)) throw echec("deleteFiles", suppression.status);
  }
}
