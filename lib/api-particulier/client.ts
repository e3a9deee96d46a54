// The adapter of API Particulier v3's quotient familial (docs/faits/api-particulier.md), in its two modalities:
// - identité: `GET /v3/dss/quotient_familial/identite` with the commune's token and the person's civil identity
//   (nomNaissance, prenoms[], sexeEtatCivil, anneeDateNaissance, moisDateNaissance, and the INSEE code of the
//   commune of birth, or of the country for someone born abroad);
// - FranceConnect: `GET /v3/dss/quotient_familial/france_connect` with the parent's FranceConnect access token
//   (scope cnaf_quotient_familial), used for that one request and never kept.
// Both carry `recipient=<SIRET of the commune>`. It trusts nothing: a timeout on every call, the answer validated
// by zod, every error turned into an ErreurApiParticulier with a French message (the parent's or the agents').
// The identity and the tokens never reach a log or an error's message.
import "server-only";
import { z } from "zod";

export type ReglagesApiParticulier = {
  /** https://particulier.api.gouv.fr, or the local stand-in's address */
  url: string;
  /** the commune's token (its DataPass habilitation) */
  jeton: string;
  /** the commune's SIRET, sent as `recipient` */
  siret: string;
  /** how long an answer is waited for (10 s by default) */
  delaiMs?: number;
};

/** The person the QF is asked for (the family's titulaire). */
export type IdentiteQuotient = {
  nomNaissance: string;
  prenoms: string[];
  sexe: "F" | "M";
  anneeNaissance: number;
  moisNaissance: number;
  /** INSEE (COG) code of the commune of birth, for someone born in France */
  codeInseeCommuneNaissance?: string;
  /** INSEE (COG) code of the country of birth (99xxx), for someone born abroad */
  codeInseePaysNaissance?: string;
};

export type QuotientLu = { fournisseur: "CAF" | "MSA"; valeur: number; annee: number; mois: number };

export type TypeErreurApiParticulier = "introuvable" | "configuration" | "requete" | "limite" | "indisponible";

export const MESSAGES_API_PARTICULIER: Record<Exclude<TypeErreurApiParticulier, "limite">, string> = {
  introuvable:
    "Aucun dossier CAF ou MSA n'a été trouvé pour cette identité : déposez votre attestation de quotient familial.",
  indisponible: "Le service de la CAF ne répond pas, réessayez plus tard.",
  configuration:
    "API Particulier refuse l'accès de la commune (jeton ou habilitation DataPass) : vérifiez la configuration API_PARTICULIER_*.",
  requete:
    "Les informations d'identité ne permettent pas d'interroger la CAF ou la MSA : vérifiez le nom de naissance, les prénoms, la date et le lieu de naissance.",
};

/** A refusal or a failure of API Particulier. `message` is French; a parent is never shown a "configuration" one. */
export class ErreurApiParticulier extends Error {
  constructor(
    readonly type: TypeErreurApiParticulier,
    message: string,
    /** the HTTP status, null when nothing answered */
    readonly statut: number | null = null,
    /** API Particulier's own error code (37002…) */
    readonly code: string | null = null,
    /** 429: the seconds its Retry-After asks to wait */
    readonly reessayerDans: number | null = null,
  ) {
    super(message);
    this.name = "ErreurApiParticulier";
  }
}

const DELAI_MS = 10_000;

const reponseSchema = z.object({
  data: z.object({
    quotient_familial: z.object({
      fournisseur: z.enum(["CAF", "MSA"]),
      valeur: z.number().int().min(0).max(100_000),
      annee: z.number().int().min(2000).max(2100),
      mois: z.number().int().min(1).max(12),
    }),
  }),
});

const erreursSchema = z.object({
  errors: z.array(z.object({ code: z.string().optional(), title: z.string().optional() })).min(1),
});

function erreurHttp(statut: number, corps: unknown, retryAfter: string | null): ErreurApiParticulier {
  const code = erreursSchema.safeParse(corps).data?.errors[0]?.code ?? null;
  if (statut === 404)
    return new ErreurApiParticulier("introuvable", MESSAGES_API_PARTICULIER.introuvable, statut, code);
  if (statut === 401 || statut === 403) {
    return new ErreurApiParticulier("configuration", MESSAGES_API_PARTICULIER.configuration, statut, code);
  }
  if (statut === 400 || statut === 422) {
    return new ErreurApiParticulier("requete", MESSAGES_API_PARTICULIER.requete, statut, code);
  }
  if (statut === 429) {
    const secondes = Math.max(1, Math.min(3600, Math.ceil(Number(retryAfter)) || 1));
    return new ErreurApiParticulier(
      "limite",
      `Trop de demandes auprès de la CAF en ce moment : réessayez dans ${secondes} seconde${secondes > 1 ? "s" : ""}.`,
      statut,
      code,
      secondes,
    );
  }
  return new ErreurApiParticulier("indisponible", MESSAGES_API_PARTICULIER.indisponible, statut, code);
}

async function appeler(url: URL, jeton: string, delaiMs = DELAI_MS): Promise<QuotientLu> {
  let reponse: Response;
  try {
    reponse = await fetch(url, {
      headers: { Authorization: `Bearer ${jeton}`, Accept: "application/json" },
      signal: AbortSignal.timeout(delaiMs),
      redirect: "error",
    });
  } catch {
    // a timeout, a refused connection, a redirect: the message never carries the URL (it holds the identity)
    throw new ErreurApiParticulier("indisponible", MESSAGES_API_PARTICULIER.indisponible);
  }
  const corps: unknown = await reponse.json().catch(() => null);
  if (!reponse.ok) throw erreurHttp(reponse.status, corps, reponse.headers.get("retry-after"));
  const lu = reponseSchema.safeParse(corps);
  if (!lu.success) {
    throw new ErreurApiParticulier("indisponible", MESSAGES_API_PARTICULIER.indisponible, reponse.status, "reponse");
  }
  const { fournisseur, valeur, annee, mois } = lu.data.data.quotient_familial;
  return { fournisseur, valeur, annee, mois };
}

function adresse(reglages: ReglagesApiParticulier, modalite: "identite" | "france_connect"): URL {
  const url = new URL(`${reglages.url.replace(/\/$/, "")}/v3/dss/quotient_familial/${modalite}`);
  url.searchParams.set("recipient", reglages.siret);
  return url;
}

/** The identity modality: the commune's token and the person's civil identity. */
export function quotientParIdentite(reglages: ReglagesApiParticulier, identite: IdentiteQuotient): Promise<QuotientLu> {
  const url = adresse(reglages, "identite");
  url.searchParams.set("nomNaissance", identite.nomNaissance);
  for (const prenom of identite.prenoms) url.searchParams.append("prenoms[]", prenom);
  url.searchParams.set("sexeEtatCivil", identite.sexe);
  url.searchParams.set("anneeDateNaissance", String(identite.anneeNaissance));
  url.searchParams.set("moisDateNaissance", String(identite.moisNaissance).padStart(2, "0"));
  if (identite.codeInseeCommuneNaissance) {
    url.searchParams.set("codeCogInseeCommuneNaissance", identite.codeInseeCommuneNaissance);
  } else if (identite.codeInseePaysNaissance) {
    url.searchParams.set("codeCogInseePaysNaissance", identite.codeInseePaysNaissance);
  }
  return appeler(url, reglages.jeton, reglages.delaiMs);
}

/** The FranceConnect modality: the parent's FranceConnect access token, for this request only. */
export function quotientParFranceConnect(reglages: ReglagesApiParticulier, accessToken: string): Promise<QuotientLu> {
  return appeler(adresse(reglages, "france_connect"), accessToken, reglages.delaiMs);
}

/** What a parent reads of an error: never the configuration's (the commune's token), the service's instead. */
export const messagePourParent = (erreur: ErreurApiParticulier): string =>
  erreur.type === "configuration" ? MESSAGES_API_PARTICULIER.indisponible : erreur.message;
