// Encryption of short secrets at rest (an agent's TOTP secret now, the dossier santé later): AES-256-GCM
// with the application key CLE_CHIFFREMENT (32 bytes, base64). A value reads "v1:<iv>:<tag>:<data>"
// (base64url): the version leaves room for another algorithm, and during a key rotation the previous key
// (CLE_CHIFFREMENT_ANCIENNE) still decrypts what it encrypted until `rechiffrer` has rewritten it.
import "server-only";
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { config } from "@/lib/config";

const VERSION = "v1";
const ALGORITHME = "aes-256-gcm";

function lireCle(nom: "CLE_CHIFFREMENT" | "CLE_CHIFFREMENT_ANCIENNE"): Buffer | null {
  const valeur = process.env[nom]?.trim();
  if (!valeur) return null;
  const cle = Buffer.from(valeur, "base64");
  if (cle.length !== 32) {
    throw new Error(
      `${nom} doit contenir 32 octets encodés en base64 (openssl rand -base64 32) / ${nom} must be 32 bytes, base64.`,
    );
  }
  return cle;
}

/** The key that encrypts; read at each use so a test or a rotation can change the environment. */
function cleActive(): Buffer {
  const cle = lireCle("CLE_CHIFFREMENT");
  if (cle) return cle;
  if (config.production && !config.demo) {
    throw new Error(
      "CLE_CHIFFREMENT doit être défini en production (openssl rand -base64 32) / CLE_CHIFFREMENT is required in production.",
    );
  }
  // Development, tests and the demo: a FIXED, public key, so the demo seed and the server (two processes)
  // agree on it and a restart still reads what was written. It protects nothing: never use it for real data.
  return createHash("sha256").update("portail-famille-cle-de-developpement").digest();
}

/** A key for another use (`usage` names it), derived from the application key: one secret less to configure. */
export function cleDerivee(usage: string): string {
  return createHmac("sha256", cleActive()).update(usage).digest("base64url");
}

function clesDeDechiffrement(): Buffer[] {
  return [cleActive(), lireCle("CLE_CHIFFREMENT_ANCIENNE")].filter((cle): cle is Buffer => cle !== null);
}

/**
 * Encrypts `texte`. `contexte` (e.g. "agent.totp:<id>") is authenticated with it: a value copied into
 * another row or column, where another context is expected, fails to decrypt.
 */
export function chiffrer(texte: string, contexte = ""): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHME, cleActive(), iv);
  cipher.setAAD(Buffer.from(contexte, "utf8"));
  const data = Buffer.concat([cipher.update(texte, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    data.toString("base64url"),
  ].join(":");
}

function dechiffrerAvec(cle: Buffer, iv: Buffer, tag: Buffer, data: Buffer, contexte: string): string | null {
  try {
    const decipher = createDecipheriv(ALGORITHME, cle, iv);
    decipher.setAAD(Buffer.from(contexte, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The text, and whether it was written with the previous key (so it should be re-encrypted). */
function ouvrir(valeur: string, contexte: string): { texte: string; ancienneCle: boolean } {
  const [version, iv, tag, data, ...reste] = valeur.split(":");
  if (version !== VERSION || !iv || !tag || data === undefined || reste.length) {
    throw new Error("Valeur chiffrée illisible (format inconnu) / unknown encrypted format.");
  }
  const parts = [Buffer.from(iv, "base64url"), Buffer.from(tag, "base64url"), Buffer.from(data, "base64url")] as const;
  const cles = clesDeDechiffrement();
  for (const [index, cle] of cles.entries()) {
    const texte = dechiffrerAvec(cle, ...parts, contexte);
    if (texte !== null) return { texte, ancienneCle: index > 0 };
  }
  throw new Error("Déchiffrement impossible : mauvaise clé (CLE_CHIFFREMENT) ou donnée altérée / decryption failed.");
}

export function dechiffrer(valeur: string, contexte = ""): string {
  return ouvrir(valeur, contexte).texte;
}

/** The value encrypted with the current key, or null when it already is (for a rotation script). */
export function rechiffrer(valeur: string, contexte = ""): string | null {
  const { texte, ancienneCle } = ouvrir(valeur, contexte);
  return ancienneCle ? chiffrer(texte, contexte) : null;
}

/**
 * A file's bytes encrypted the same way (a signed PAI in the storage): one version byte, the IV, the tag, then
 * the data, no text encoding in between; `contexte` binds it to its owner as above.
 */
const VERSION_OCTETS = 1;

export function chiffrerOctets(octets: Uint8Array, contexte: string): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHME, cleActive(), iv);
  cipher.setAAD(Buffer.from(contexte, "utf8"));
  const data = Buffer.concat([cipher.update(octets), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION_OCTETS]), iv, cipher.getAuthTag(), data]);
}

export function dechiffrerOctets(chiffre: Uint8Array, contexte: string): Uint8Array {
  const octets = Buffer.from(chiffre);
  if (octets[0] !== VERSION_OCTETS || octets.length < 29)
    throw new Error("Fichier chiffré illisible (format inconnu) / unknown encrypted file format.");
  const [iv, tag, data] = [octets.subarray(1, 13), octets.subarray(13, 29), octets.subarray(29)];
  for (const cle of clesDeDechiffrement()) {
    try {
      const decipher = createDecipheriv(ALGORITHME, cle, iv);
      decipher.setAAD(Buffer.from(contexte, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]);
    } catch {
      // the next key (a rotation), else the error below
    }
  }
  throw new Error("Déchiffrement impossible : mauvaise clé (CLE_CHIFFREMENT) ou fichier altéré / decryption failed.");
}
