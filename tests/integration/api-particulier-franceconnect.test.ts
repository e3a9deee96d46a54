// The QF's FranceConnect modality through the portal's real sign-in code (lib/auth/oidc.ts) against the
// FranceConnect stand-in and API Particulier's stand-in over HTTP: « Mettre à jour depuis la CAF ou la MSA » signs
// in again back to « Mon quotient familial »; the scope cnaf_quotient_familial is asked, the access token goes to
// API Particulier's france_connect route at the callback, the QF is kept, the page is told. A sign-in going
// anywhere else, or a family that did not consent, asks API Particulier nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { JETON_STAND_IN, SIRET_STAND_IN, startApiParticulierStandIn } from "../stand-ins/api-particulier";
import {
  ANGELA,
  APP,
  espaceFranceConnect,
  franceconnect,
  parcours,
  preparerFournisseurs,
} from "./franceconnect-fixtures";
import { familleValidee } from "./inscription-fixtures";

let api: Awaited<ReturnType<typeof startApiParticulierStandIn>>;

// before preparerFournisseurs' hook: lib/config.ts reads the environment when the portal's modules are loaded
beforeAll(async () => {
  api = await startApiParticulierStandIn({ franceconnect: () => franceconnect?.url });
  Object.assign(process.env, {
    API_PARTICULIER_URL: api.url,
    API_PARTICULIER_JETON: JETON_STAND_IN,
    API_PARTICULIER_SIRET: SIRET_STAND_IN,
  });
});
preparerFournisseurs();
afterAll(async () => {
  await api?.close();
});

const SUITE = `suite=${encodeURIComponent("/famille/quotient")}`;

/** Angela's FranceConnect space, titulaire of a validated family; `consentement`: it consented to API Particulier. */
async function angela(courriel: string, consentement: boolean) {
  const usagerId = await espaceFranceConnect(ANGELA.sub, courriel);
  const f = await familleValidee("Dubois");
  await db().representant.updateMany({ where: { familleId: f.familleId, role: "TITULAIRE" }, data: { usagerId } });
  if (consentement) {
    const { consentirQuotientCaf } = await import("@/lib/domain/facturation/quotient-consentement");
    await consentirQuotientCaf({ usagerId, consentement: true, now: new Date() });
  }
  return { usagerId, familleId: f.familleId };
}

const nettoyer = () =>
  db().usager.updateMany({ where: { franceconnectSub: ANGELA.sub }, data: { franceconnectSub: null } });

describe("the FranceConnect modality", () => {
  it("asks the scope, reads the QF with the access token at the callback, and says so on the page", async () => {
    await nettoyer();
    const { familleId } = await angela("angela-qf@exemple.fr", true);
    const avant = api.requetes().length;
    const { location, autorisation } = await parcours("franceconnect", ANGELA.sub, { corps: SUITE });
    expect(autorisation.searchParams.get("scope")?.split(" ")).toContain("cnaf_quotient_familial");
    expect(location.toString()).toBe(`${APP}/famille/quotient?lecture=nouveau`);
    const requetes = api.requetes().slice(avant);
    expect(requetes.map((r) => r.modalite)).toEqual(["france_connect"]);
    expect(requetes[0]!.jeton).not.toBe(JETON_STAND_IN);
    expect(requetes[0]!.jeton.length).toBeGreaterThan(10);
    const q = await db().quotientFamilial.findFirstOrThrow({ where: { familleId } });
    expect([q.valeur, q.source, q.modalite]).toEqual([1200, "MSA", "FRANCECONNECT"]);
    // the token is kept nowhere: not in the session, not in the journal
    const traces = JSON.stringify([
      await db().session.findMany({ where: { usager: { franceconnectSub: ANGELA.sub } } }),
      (await db().journalEntry.findMany({ where: { event: { startsWith: "facturation.quotient" } } })).map(
        (e) => e.details,
      ),
    ]);
    expect(traces).not.toContain(requetes[0]!.jeton);
  });

  it("no consent, or a sign-in going elsewhere: API Particulier is not asked", async () => {
    await nettoyer();
    const { familleId } = await angela("angela-sans@exemple.fr", false);
    const avant = api.requetes().length;
    const sans = await parcours("franceconnect", ANGELA.sub, { corps: SUITE });
    expect(sans.location.toString()).toBe(`${APP}/famille/quotient?lecture=sans_consentement`);
    const ailleurs = await parcours("franceconnect", ANGELA.sub);
    expect(ailleurs.location.toString()).toBe(`${APP}/mon-espace`);
    expect(api.requetes().length).toBe(avant);
    expect(await db().quotientFamilial.count({ where: { familleId } })).toBe(0);
  });
});
