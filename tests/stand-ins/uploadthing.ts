// A local stand-in for uploadthing's HTTP API, which no test machine can reach. It answers with the real API's
// shapes for the calls lib/storage/uploadthing.ts makes, and checks what the real service checks:
// - POST /v7/prepareUpload (x-uploadthing-api-key): { key, url } — url is a presigned ingest URL, signed with
//   the api key (…?expires=…&x-ut-identifier=…&x-ut-file-size=…&signature=hmac-sha256=…);
// - PUT <ingest url> with multipart form data (field "file"): stores the bytes if the signature holds, the URL
//   has not expired and the size is the one announced; answers { url, appUrl, ufsUrl, fileHash, serverData };
// - POST /v6/requestFileAccess { fileKey, expiresIn }: { url, ufsUrl }, a signed URL; 404 for an unknown key;
// - GET <file url>: the bytes (signature checked);
// - POST /v6/deleteFiles { fileKeys }: { success, deletedCount }.
// A call without the right api key gets 401. Every request is recorded (method, path, headers) for the tests.
//
// In a test process: `startUploadthingStandIn()` (port 0 picks a free port); its `token` is an
// UPLOADTHING_TOKEN whose api key it accepts.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; headers: IncomingMessage["headers"] };

export type UploadthingStandIn = {
  /** base URL, to give as UPLOADTHING_API_URL */
  url: string;
  /** an UPLOADTHING_TOKEN (base64 JSON) this stand-in accepts */
  token: string;
  apiKey: string;
  requests(): RecordedRequest[];
  /** the bytes stored under a file key, as uploadthing holds them */
  stored(key: string): Uint8Array | undefined;
  close(): Promise<void>;
};

type Pending = { size: number; name: string; expires: number };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startUploadthingStandIn(options: { port?: number } = {}): Promise<UploadthingStandIn> {
  const apiKey = `sk_live_${randomBytes(24).toString("hex")}`;
  const appId = randomBytes(5).toString("hex");
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["fra1"] })).toString("base64");
  const received: RecordedRequest[] = [];
  const pending = new Map<string, Pending>();
  const files = new Map<string, Uint8Array>();
  let base = "";

  const sign = (url: URL) => createHmac("sha256", apiKey).update(url.toString()).digest("hex");
  /** A URL of this stand-in signed like uploadthing's presigned URLs. */
  function signed(path: string, params: Record<string, string>): string {
    const url = new URL(path, base);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set("signature", `hmac-sha256=${sign(url)}`);
    return url.toString();
  }
  function signatureHolds(url: URL): boolean {
    const given = url.searchParams.get("signature") ?? "";
    const unsigned = new URL(url);
    unsigned.searchParams.delete("signature");
    const expected = Buffer.from(`hmac-sha256=${sign(unsigned)}`);
    const expires = Number(url.searchParams.get("expires"));
    return given.length === expected.length && timingSafeEqual(Buffer.from(given), expected) && expires > Date.now();
  }
  const authorized = (req: IncomingMessage) => req.headers["x-uploadthing-api-key"] === apiKey;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", base);
    const route = `${req.method} ${url.pathname}`;

    if (req.method === "POST" && url.pathname.startsWith("/v")) {
      if (!authorized(req)) return sendJson(res, 401, { error: "Invalid API key" });
      const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as Record<string, unknown>;
      if (route === "POST /v7/prepareUpload") {
        const { fileName, fileSize, expiresIn } = body;
        if (typeof fileName !== "string" || typeof fileSize !== "number" || fileSize < 0) {
          return sendJson(res, 400, { error: "Invalid input: fileName and fileSize are required" });
        }
        const key = `${appId}${randomBytes(18).toString("base64url")}`;
        const expires = Date.now() + 1000 * (typeof expiresIn === "number" ? expiresIn : 3600);
        pending.set(key, { size: fileSize, name: fileName, expires });
        return sendJson(res, 200, {
          key,
          url: signed(`/ingest/${key}`, {
            expires: String(expires),
            "x-ut-identifier": appId,
            "x-ut-file-name": fileName,
            "x-ut-file-size": String(fileSize),
          }),
        });
      }
      if (route === "POST /v6/requestFileAccess") {
        const key = body.fileKey;
        if (typeof key !== "string" || !files.has(key)) return sendJson(res, 404, { error: "File not found" });
        const expiresIn = typeof body.expiresIn === "number" ? body.expiresIn : 3600;
        const fileUrl = signed(`/f/${key}`, { expires: String(Date.now() + 1000 * expiresIn) });
        return sendJson(res, 200, { url: fileUrl, ufsUrl: fileUrl });
      }
      if (route === "POST /v6/deleteFiles") {
        const keys = Array.isArray(body.fileKeys)
          ? body.fileKeys.filter((k): k is string => typeof k === "string")
          : [];
        const deletedCount = keys.filter((key) => files.delete(key)).length;
        return sendJson(res, 200, { success: true, deletedCount });
      }
      return sendJson(res, 404, { error: "Not found" });
    }

    const ingest = /^\/ingest\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (req.method === "PUT" && ingest) {
      const key = ingest[1]!;
      const attendu = pending.get(key);
      if (!attendu || !signatureHolds(url)) return sendJson(res, 403, { error: "Invalid signature" });
      const form = await new Response(new Uint8Array(await readBody(req)), {
        headers: { "content-type": req.headers["content-type"] ?? "" },
      }).formData();
      const file = form.get("file");
      if (!(file instanceof Blob)) return sendJson(res, 400, { error: "Missing file" });
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (bytes.length !== attendu.size) return sendJson(res, 400, { error: "File size mismatch" });
      pending.delete(key);
      files.set(key, bytes);
      const ufsUrl = `https://${appId}.ufs.sh/f/${key}`;
      return sendJson(res, 200, {
        url: ufsUrl,
        appUrl: ufsUrl,
        ufsUrl,
        fileHash: createHash("md5").update(bytes).digest("hex"),
        serverData: null,
      });
    }

    const fichier = /^\/f\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (req.method === "GET" && fichier) {
      if (!signatureHolds(url)) return sendJson(res, 403, { error: "Invalid signature" });
      const bytes = files.get(fichier[1]!);
      if (!bytes) return sendJson(res, 404, { error: "File not found" });
      res
        .writeHead(200, { "content-type": "application/octet-stream", "content-length": String(bytes.length) })
        .end(Buffer.from(bytes));
      return;
    }
    sendJson(res, 404, { error: "Not found" });
  }

  const server = createServer((req, res) => {
    received.push({
      method: req.method ?? "",
      path: new URL(req.url ?? "/", "http://stand-in").pathname,
      headers: req.headers,
    });
    answer(req, res).catch(() => sendJson(res, 500, { error: "Internal server error" }));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    token,
    apiKey,
    requests: () => [...received],
    stored: (key) => files.get(key),
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
