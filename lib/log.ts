// The server's log: one JSON line per request and per notable event, on stdout, for whatever collects the host's
// logs (journald, the container runtime, the PaaS). A line names things by their ids only: never a name, an
// address, a health fact, a token or a cookie. Callers pass ids; the redaction below is the net under them for
// the fields that carry secrets (headers, tokens, passwords), wherever they sit in the first three levels.
import pino, { type DestinationStream, type Logger } from "pino";

const MASQUE = "[masqué]";

/** Fields whose value never reaches a log line. */
const SECRETS = [
  "authorization",
  "cookie",
  "set-cookie",
  "x-uploadthing-api-key",
  "token",
  "jeton",
  "password",
  "motDePasse",
  "secret",
  "apiKey",
  "code",
  "codeTotp",
];

function chemins(champ: string): string[] {
  const cle = /^[A-Za-z_$][\w$]*$/.test(champ) ? `.${champ}` : `["${champ}"]`;
  return [cle.replace(/^\./, ""), `*${cle}`, `*.*${cle}`];
}

/** A logger writing to `destination` (stdout by default); tests give their own stream. */
export function creerJournal(destination?: DestinationStream, niveau = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino(
    {
      level: niveau,
      base: { service: "portail-famille" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRETS.flatMap(chemins), censor: MASQUE },
    },
    destination,
  );
}

/** A path segment that is a token of an email link (256 bits in base64url) rather than an id or a word. */
const SEGMENT_JETON = /^[A-Za-z0-9_-]{32,}$/;
/** The rows' ids (UUID): what a log line is for, kept. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The path of a request as it may be logged: no query string (it may carry anything), and the tokens of email
 * links (/activation/<token>, /mot-de-passe-oublie/<token>…) replaced, since the path alone would open them.
 */
export function cheminJournalisable(url: string): string {
  const chemin = url.split(/[?#]/, 1)[0] ?? "/";
  return chemin
    .split("/")
    .map((segment) => (SEGMENT_JETON.test(segment) && !UUID.test(segment) ? ":jeton" : segment))
    .join("/");
}

// One logger per process; kept on globalThis because the Next.js bundle and the start scripts each load their
// own copy of this module, and they must write through one stream.
declare global {
  var __portailJournal: Logger | undefined;
}
export const log: Logger = (globalThis.__portailJournal ??= creerJournal());
