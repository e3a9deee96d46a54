// A local stand-in for API Particulier v3's quotient familial (docs/faits/api-particulier.md), which no test
// machine or preview host can reach, answering with the real shapes and errors:
// - `GET /v3/dss/quotient_familial/identite` (the commune's token; nomNaissance, prenoms[], sexeEtatCivil,
//   anneeDateNaissance, moisDateNaissance, codeCogInseeCommuneNaissance or codeCogInseePaysNaissance) and
//   `GET /v3/dss/quotient_familial/france_connect` (the parent's FranceConnect access token), both with
//   `recipient` (a SIRET);
// - known identities: ETCHART Claire (F, 04/1988) → CAF 850 (the demo's titulaire), DUBOIS Angela (F, 08/1962) →
//   MSA 1200 (a FranceConnect stand-in identity), MERCIER Pierre (M, 03/1969) → CAF 640; anyone else → 404 code
//   37002 « Dossier allocataire inexistant »; nomNaissance PANNE → 503 (the provider down); `malforme()` makes the
//   next answer unreadable;
// - a wrong token → 401; missing or malformed parameters → 400; `limite()` makes the next answers 429 with
//   Retry-After; `delai()` makes it answer late (the adapter's timeout).
// A FranceConnect access token is known when a test registered it (`jetonFranceConnect`), or, given the
// FranceConnect stand-in's address, by asking its userinfo as API Particulier asks FranceConnect's.
//
// In a test process: `startApiParticulierStandIn()` (port 0 picks a free port). Also a command (`npm run demo`
// starts it in-process, scripts/demo-api-particulier.ts):
//   tsx tests/stand-ins/api-particulier.ts --serve --port 3268 [--franceconnect <issuer>]
import { argument, lanceEnLigneDeCommande, servir } from "./servir";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt } from "jose";

/** The commune's token the stand-in accepts (give it as API_PARTICULIER_JETON). */
export const JETON_STAND_IN = "jeton-api-particulier-du-bouchon";
export const SIRET_STAND_IN = "21640557700017";

export type PersonneStandIn = {
  nomNaissance: string;
  prenom: string;
  sexe: "F" | "M";
  annee: number;
  mois: number;
};

type Dossier = PersonneStandIn & { fournisseur: "CAF" | "MSA"; valeur: number };

export const DOSSIERS_STAND_IN: Dossier[] = [
  { nomNaissance: "ETCHART", prenom: "CLAIRE", sexe: "F", annee: 1988, mois: 4, fournisseur: "CAF", valeur: 850 },
  { nomNaissance: "DUBOIS", prenom: "ANGELA", sexe: "F", annee: 1962, mois: 8, fournisseur: "MSA", valeur: 1200 },
  { nomNaissance: "MERCIER", prenom: "PIERRE", sexe: "M", annee: 1969, mois: 3, fournisseur: "CAF", valeur: 640 },
];

/** The nomNaissance that makes the provider « down » (503). */
export const NOM_EN_PANNE = "PANNE";

export type RequeteStandIn = { modalite: "identite" | "france_connect"; query: URLSearchParams; jeton: string };

export type ApiParticulierStandIn = {
  /** base URL, to give as API_PARTICULIER_URL */
  url: string;
  /** the requests received, oldest first */
  requetes(): RequeteStandIn[];
  /** a FranceConnect access token and whose it is */
  jetonFranceConnect(jeton: string, personne: PersonneStandIn): void;
  /** the next `fois` answers are 429 with Retry-After: `secondes` */
  limite(fois: number, secondes: number): void;
  /** every answer comes `ms` late (0: on time) */
  delai(ms: number): void;
  /** the next answer of a known identity is malformed (valeur a text) */
  malforme(): void;
  /** the month answered (default: the current one in Europe/Paris) */
  horloge(date: Date | null): void;
  close(): Promise<void>;
};

const normaliser = (texte: string) =>
  texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toUpperCase();

const erreur = (code: string, title: string, detail: string) => ({
  errors: [{ code, title, detail, source: null, meta: {} }],
});

function envoyer(res: ServerResponse, statut: number, corps: unknown, entetes: Record<string, string> = {}): void {
  res.writeHead(statut, { "content-type": "application/json", ...entetes });
  res.end(JSON.stringify(corps));
}

function moisParis(date: Date): { annee: number; mois: number } {
  const [annee, mois] = date.toLocaleDateString("en-CA", { timeZone: "Europe/Paris" }).split("-").map(Number);
  return { annee: annee!, mois: mois! };
}

function reponse(dossier: Dossier, maintenant: Date) {
  const { annee, mois } = moisParis(maintenant);
  return {
    data: {
      allocataires: [
        {
          nom_naissance: dossier.nomNaissance,
          nom_usage: null,
          prenoms: dossier.prenom,
          date_naissance: `${dossier.annee}-${String(dossier.mois).padStart(2, "0")}-01`,
          sexe: dossier.sexe,
        },
      ],
      enfants: [],
      adresse: { destinataire: dossier.nomNaissance, code_postal_ville: "64990 VILLEFRANQUE", pays: "FRANCE" },
      quotient_familial: {
        fournisseur: dossier.fournisseur,
        valeur: dossier.valeur,
        annee,
        mois,
        annee_calcul: annee,
        mois_calcul: mois,
      },
    },
    links: {},
    meta: {},
  };
}

function personneDeLaRequete(query: URLSearchParams): PersonneStandIn | null {
  const nom = query.get("nomNaissance");
  const prenoms = query.getAll("prenoms[]");
  const sexe = query.get("sexeEtatCivil");
  const annee = Number(query.get("anneeDateNaissance"));
  const mois = Number(query.get("moisDateNaissance"));
  const lieu = query.get("codeCogInseeCommuneNaissance") ?? query.get("codeCogInseePaysNaissance");
  if (!nom || prenoms.length === 0 || (sexe !== "F" && sexe !== "M") || !lieu || !/^\d[\dAB]\d{3}$/.test(lieu)) {
    return null;
  }
  if (!Number.isInteger(annee) || annee < 1900 || !Number.isInteger(mois) || mois < 1 || mois > 12) return null;
  return { nomNaissance: nom, prenom: prenoms[0]!, sexe, annee, mois };
}

const trouver = (personne: PersonneStandIn) =>
  DOSSIERS_STAND_IN.find(
    (d) =>
      d.nomNaissance === normaliser(personne.nomNaissance) &&
      d.prenom === normaliser(personne.prenom).split(/\s+/)[0] &&
      d.sexe === personne.sexe &&
      d.annee === personne.annee &&
      d.mois === personne.mois,
  );

/** Whose a FranceConnect token is, asked of the FranceConnect stand-in's userinfo (a JWT it signed). */
async function personneFranceConnect(issuer: string, jeton: string): Promise<PersonneStandIn | null> {
  try {
    const decouverte = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
      userinfo_endpoint: string;
    };
    const reponseUserinfo = await fetch(decouverte.userinfo_endpoint, {
      headers: { Authorization: `Bearer ${jeton}` },
    });
    if (!reponseUserinfo.ok) return null;
    const claims = decodeJwt(await reponseUserinfo.text()) as Record<string, string>;
    const [annee, mois] = String(claims.birthdate).split("-").map(Number);
    return {
      nomNaissance: claims.family_name ?? "",
      prenom: claims.given_name ?? "",
      sexe: claims.gender === "female" ? "F" : "M",
      annee: annee!,
      mois: mois!,
    };
  } catch {
    return null;
  }
}

export async function startApiParticulierStandIn(
  /** franceconnect: the FranceConnect stand-in's issuer (or how to get it once it is started) */
  options: { port?: number; franceconnect?: string | (() => string | undefined) } = {},
): Promise<ApiParticulierStandIn> {
  const requetes: RequeteStandIn[] = [];
  const jetonsFc = new Map<string, PersonneStandIn>();
  let limites = { fois: 0, secondes: 1 };
  let retard = 0;
  let horloge: Date | null = null;
  let malforme = false;

  async function traiter(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://bouchon");
    const modalite = /^\/v3\/dss\/quotient_familial\/(identite|france_connect)$/.exec(url.pathname)?.[1] as
      RequeteStandIn["modalite"] | undefined;
    if (req.method !== "GET" || !modalite) {
      return envoyer(res, 404, erreur("00404", "Page non trouvée", "Cette adresse n'existe pas."));
    }
    const jeton = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    requetes.push({ modalite, query: url.searchParams, jeton });
    if (retard) await new Promise((resolve) => setTimeout(resolve, retard));
    if (limites.fois > 0) {
      limites.fois -= 1;
      return envoyer(
        res,
        429,
        erreur("00429", "Trop de requêtes", "Vous avez dépassé la limite de 20 requêtes par seconde."),
        { "retry-after": String(limites.secondes) },
      );
    }
    const issuer = typeof options.franceconnect === "function" ? options.franceconnect() : options.franceconnect;
    const personne =
      modalite === "identite"
        ? jeton === JETON_STAND_IN
          ? personneDeLaRequete(url.searchParams)
          : undefined
        : (jetonsFc.get(jeton) ?? (issuer && jeton ? await personneFranceConnect(issuer, jeton) : null) ?? undefined);
    if (personne === undefined) {
      return envoyer(res, 401, erreur("00101", "Interdit", "Le jeton d'accès est invalide ou a expiré."));
    }
    if (!/^\d{14}$/.test(url.searchParams.get("recipient") ?? "") || personne === null) {
      return envoyer(res, 400, erreur("00210", "Entité non traitable", "Les paramètres de la requête sont invalides."));
    }
    if (normaliser(personne.nomNaissance) === NOM_EN_PANNE) {
      return envoyer(res, 503, erreur("37999", "Erreur de fournisseur", "Le fournisseur ne répond pas."));
    }
    const dossier = trouver(personne);
    if (!dossier) {
      return envoyer(
        res,
        404,
        erreur(
          "37002",
          "Dossier allocataire inexistant",
          "Le dossier allocataire n'a pas été trouvé auprès de la CNAF.",
        ),
      );
    }
    const corps = reponse(dossier, horloge ?? new Date());
    if (malforme) {
      malforme = false;
      return envoyer(res, 200, { ...corps, data: { ...corps.data, quotient_familial: { valeur: "850 €" } } });
    }
    envoyer(res, 200, corps);
  }

  const server = createServer((req, res) => {
    traiter(req, res).catch(() => envoyer(res, 500, erreur("00500", "Erreur interne", "")));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requetes: () => [...requetes],
    jetonFranceConnect: (jeton, personne) => void jetonsFc.set(jeton, personne),
    limite: (fois, secondes) => void (limites = { fois, secondes }),
    delai: (ms) => void (retard = ms),
    malforme: () => void (malforme = true),
    horloge: (date) => void (horloge = date),
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

if (lanceEnLigneDeCommande("api-particulier")) {
  servir(
    "api-particulier",
    startApiParticulierStandIn({ port: Number(argument("port") ?? 0), franceconnect: argument("franceconnect") }),
  );
}
