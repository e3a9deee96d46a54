// Address suggestions from the IGN Géoplateforme geocoding service (successor of the BAN API), called from the
// server only. A suggestion is a convenience: whatever goes wrong, the answer is "no suggestion" and the
// family types its address by hand.
import { z } from "zod";
import { config } from "@/lib/config";
import { log } from "@/lib/log";

export type AdresseSuggestion = {
  /** the full address as the service writes it, shown in the list */
  label: string;
  numero: string;
  voie: string;
  codePostal: string;
  ville: string;
  /** INSEE code of the commune */
  codeInsee: string;
  pays: "FRANCE";
};

const TIMEOUT_MS = 2_000;
const LIMIT = 5;
const Q_MIN = 3;
const Q_MAX = 200;

// Only what the mapping reads; other properties (score, context, x/y...) may come and go.
const answerSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      properties: z.object({
        label: z.string(),
        type: z.string(),
        name: z.string(),
        housenumber: z.string().optional(),
        street: z.string().optional(),
        postcode: z.string(),
        citycode: z.string(),
        city: z.string(),
      }),
    }),
  ),
});

type Properties = z.infer<typeof answerSchema>["features"][number]["properties"];

/** The service's own rule for `q` (3 to 200 characters, a letter or a digit first): anything else is a 400. */
function requeteValide(q: string): boolean {
  const first = q.charAt(0);
  return q.length >= Q_MIN && q.length <= Q_MAX && (first.toLowerCase() !== first.toUpperCase() || /[0-9]/.test(first));
}

export async function rechercherAdresses(
  q: string,
  options: { baseUrl?: string; timeoutMs?: number } = {},
): Promise<AdresseSuggestion[]> {
  const texte = q.trim();
  if (!requeteValide(texte)) return [];
  const base = (options.baseUrl ?? config.adresseApiUrl).replace(/\/$/, "");
  const params = new URLSearchParams({ q: texte, autocomplete: "1", limit: String(LIMIT) });
  try {
    const response = await fetch(`${base}/geocodage/search?${params}`, {
      headers: { accept: "application/json" },
      cache: "no-store",
      signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
    });
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      return sansSuggestion(`HTTP ${response.status}`);
    }
    return answerSchema.parse(await response.json()).features.map((feature) => suggestion(feature.properties));
  } catch (error) {
    return sansSuggestion(failureKind(error));
  }
}

function suggestion(p: Properties): AdresseSuggestion {
  // A street or a lieu-dit is its own name; a housenumber carries its street; a municipality has no voie.
  const voie = p.street ?? (p.type === "street" || p.type === "locality" ? p.name : "");
  return {
    label: p.label,
    numero: p.housenumber ?? "",
    voie,
    codePostal: p.postcode,
    ville: p.city,
    codeInsee: p.citycode,
    pays: "FRANCE",
  };
}

// Only the kind of failure is logged, never the query nor the URL: what a family types is personal data.
function sansSuggestion(kind: string): AdresseSuggestion[] {
  log.warn({ evenement: "adresse.indisponible", cause: kind }, "recherche d'adresse indisponible");
  return [];
}

function failureKind(error: unknown): string {
  if (error instanceof z.ZodError) return "réponse de forme inattendue";
  if (error instanceof SyntaxError) return "réponse non JSON";
  const name = error instanceof Error ? error.name : "inconnue";
  if (name === "TimeoutError") return "délai dépassé";
  // fetch's own message is vague ("fetch failed"); the system error code under it says what happened.
  const cause = error instanceof Error ? error.cause : undefined;
  const code =
    typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string"
      ? cause.code
      : name;
  return `erreur réseau (${code})`;
}
