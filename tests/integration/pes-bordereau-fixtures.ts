// The world of the PES bordereau tests (pes-fichier, pes-reponses), set once per file by
// `beforeAll(preparerPes, 120_000)`: the commune, an agent with FACTURATION, three validated families, November's
// invoices of the first two (the second paid by a pre-notified debit); and the generated file read back as XML.
import { DOMParser } from "@xmldom/xmldom";
import { expect } from "vitest";
import { fichierBordereau } from "@/lib/domain/pes/fichier";
import { seedActivites } from "@/prisma/demo-activites";
import { seedCommune } from "@/prisma/seed";
import { agent } from "./demande-fixtures";
import { familleValidee } from "./paiement-fixtures";
import { factureAvecLignes, prelevementPrevu } from "./pes-fixtures";

export const JOUR_1 = new Date("2026-12-05T09:00:00Z");
export const JOUR_2 = new Date("2026-12-06T09:00:00Z");
export const NOVEMBRE = "2026-11-01";

// Set by preparerPes; read by the tests through the module's live bindings.
export let agentId: string;
export let familles: Awaited<ReturnType<typeof familleValidee>>[];

export async function preparerPes() {
  await seedCommune();
  await seedActivites("Villefranque");
  agentId = (await agent("Comptable", { permissions: ["FACTURATION"] })).id;
  familles = [];
  for (const nom of ["Etchart", "Bidart", "Haran"]) familles.push(await familleValidee(nom));
  const [a, b] = familles;
  await factureAvecLignes(a!, {
    mois: NOVEMBRE,
    sequence: 1,
    lignes: [
      { libelle: "Restauration — Repas", jours: ["2026-11-02", "2026-11-03", "2026-11-05"], prixCentimes: 350 },
      {
        libelle: "Garderie — Matin",
        jours: [
          "2026-11-02",
          "2026-11-03",
          "2026-11-05",
          "2026-11-06",
          "2026-11-09",
          "2026-11-10",
          "2026-11-12",
          "2026-11-13",
          "2026-11-16",
          "2026-11-17",
          "2026-11-19",
          "2026-11-20",
          "2026-11-23",
          "2026-11-24",
          "2026-11-26",
          "2026-11-27",
        ],
        prixCentimes: 115,
      },
    ],
  });
  const fb = await factureAvecLignes(b!, {
    mois: NOVEMBRE,
    sequence: 2,
    lignes: [{ libelle: "Restauration — Repas", jours: ["2026-11-02", "2026-11-03"], prixCentimes: 2400 }],
  });
  await prelevementPrevu({ familleId: b!.familleId, usagerId: b!.usager.id }, fb, "RUM-VILLEFRANQUE-000001");
}

export type XmlElement = Element;

export const V = (e: XmlElement | undefined) => e?.getAttribute("V") ?? null;
export const enfants = (e: XmlElement) =>
  Array.from(e.childNodes as unknown as ArrayLike<Node>).filter((n): n is XmlElement => n.nodeType === 1);
export const noms = (e: XmlElement) => enfants(e).map((c) => c.nodeName);
export const un = (e: XmlElement, nom: string) => enfants(e).find((c) => c.nodeName === nom)!;
export const tous = (e: XmlElement, nom: string): XmlElement[] => Array.from(e.getElementsByTagName(nom));

export async function fichier(bordereauId: string) {
  const f = await fichierBordereau(bordereauId);
  if (!f?.ok) throw new Error(`fichier refusé : ${f ? f.raisons.join(" ") : "introuvable"}`);
  const texte = Buffer.from(f.bytes).toString("latin1");
  const racine = new DOMParser().parseFromString(texte, "text/xml").documentElement as unknown as XmlElement;
  return { ...f, texte, racine };
}

/** Every element carries its value in V and nothing else; dates and amounts have their formats. */
export function verifierValeurs(racine: XmlElement) {
  for (const e of tous(racine, "*")) {
    const feuille = enfants(e).length === 0;
    if (!feuille) continue;
    expect(e.attributes.length, e.nodeName).toBe(1);
    expect(e.getAttribute("V"), e.nodeName).not.toBe("");
    if (/^(Dte|DateSign)/.test(e.nodeName)) expect(V(e), e.nodeName).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (/^Mt/.test(e.nodeName)) expect(V(e), e.nodeName).toMatch(/^\d+\.\d{2}$/);
  }
}
