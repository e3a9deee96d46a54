// A local stand-in for uploadthing's HTTP API and ingest server, which no test machine can reach. The portal talks
// to it through uploadthing's own SDK (UTApi, with its apiUrl and ingestUrl options pointed here), so it answers
// the calls that SDK 7.7.4 makes, with the real service's shapes, and checks what the real service checks:
// - PUT <ingest>/<key>?expires=…&x-ut-identifier=…&x-ut-file-size=…&x-ut-acl=…&signature=hmac-sha256=… with
//   multipart form data (field "file"): the SDK signs that URL itself with the api key (HMAC-SHA256 of the URL
//   before its signature parameter); the bytes are stored if the signature holds, the URL has not expired, the
//   identifier is the app's and the size is the one announced; answers { url, appUrl, ufsUrl, fileHash, serverData };
// - POST /v6/requestFileAccess { fileKey, expiresIn } (x-uploadthing-api-key): { url, ufsUrl }, a signed URL;
//   404 for an unknown key;
// - GET <file url>: the bytes (signature checked);
// - POST /v6/deleteFiles { fileKeys }: { success, deletedCount }.
// A call without the right api key gets 401. Every request is recorded (method, path, headers) for the tests.
//
// In a test process: `startUploadthingStandIn()` (port 0 picks a free port); its `token` is an
// UPLOADTHING_TOKEN whose api key it accepts; `ingestUrl` is the ingest base to give the SDK.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; headers: IncomingMessage["headers"] };

export type UploadthingStandIn = {
  /** base URL of the API, to give as UPLOADTHING_API_URL (the SDK's apiUrl) */
  url: string;
  /** base URL of the ingest server (the SDK's ingestUrl, UPLOADTHING_INGEST_URL) */
  ingestUrl: string;
  /** an UPLOADTHING_TOKEN (base64 JSON) this stand-in accepts */
  token: string;
  apiKey: string;
  requests(): RecordedRequest[];
  /** the file stored under a file key, as uploadthing holds it */
  stored(key: string): Stored | undefined;
  close(): Promise<void>;
};

/** The stored file and the access it was given at upload. */
export type Stored = { bytes: Uint8Array; acl: string };

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
  const files = new Map<string, Stored>();
  let base = "";

  // As uploadthing signs: HMAC-SHA256 (hex) of the whole URL as written, before its signature parameter.
  const sign = (text: string) => `hmac-sha256=${createHmac("sha256", apiKey).update(text).digest("hex")}`;
  /** A URL of this stand-in signed like uploadthing's signed URLs. */
  function signed(path: string, params: Record<string, string>): string {
    const url = new URL(path, base);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return `${url.href}&signature=${sign(url.href)}`;
  }
  function signatureHolds(url: URL): boolean {
    const written = url.href;
    const at = written.lastIndexOf("&signature=");
    if (at === -1) return false;
    const given = Buffer.from(decodeURIComponent(written.slice(at + "&signature=".length)));
    const expected = Buffer.from(sign(written.slice(0, at)));
    const expires = Number(url.searchParams.get("expires"));
    return given.length === expected.length && timingSafeEqual(given, expected) && expires > Date.now();
  }
  const authorized = (req: IncomingMessage) => req.headers["x-uploadthing-api-key"] === apiKey;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", base);
    const route = `${req.method} ${url.pathname}`;

    if (req.method === "POST" && url.pathname.startsWith("/v")) {
      if (!authorized(req)) return sendJson(res, 401, { error: "Invalid API key" });
      const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as Record<string, unknown>;
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
      const identifier = decodeURIComponent(url.searchParams.get("x-ut-identifier") ?? "");
      if (!signatureHolds(url) || identifier !== appId || files.has(key)) {
        return sendJson(res, 403, { error: "Invalid signature" });
      }
      const form = await new Response(new Uint8Array(await readBody(req)), {
        headers: { "content-type": req.headers["content-type"] ?? "" },
      }).formData();
      const file = form.get("file");
      if (!(file instanceof Blob)) return sendJson(res, 400, { error: "Missing file" });
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (String(bytes.length) !== decodeURIComponent(url.searchParams.get("x-ut-file-size") ?? "")) {
        return sendJson(res, 400, { error: "File size mismatch" });
      }
      files.set(key, { bytes, acl: decodeURIComponent(url.searchParams.get("x-ut-acl") ?? "public-read") });
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
      const bytes = files.get(fichier[1]!)?.bytes;
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
    ingestUrl: `${base}/ingest`,
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
