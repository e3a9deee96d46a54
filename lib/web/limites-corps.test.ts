// Issue 30, finding 3 (every server action accepts 25 MB, public ones included): a page's actions get what its
// forms need, 1 MB without a file.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import nextConfig from "@/next.config";
import { valeursRenvoyees } from "@/lib/forms";
import { CHANGEMENTS_MAX, changementsSchema } from "@/lib/domain/reservation/schemas";
import { LIMITE_ACTION, LIMITE_ACTION_MAX, limiteDuCorps, refusDuCorps } from "@/lib/web/limites-corps";

const MO = 1024 * 1024;

describe("every server action accepts 25 MB, public ones included", () => {
  it("a form without a file: 1 MB, the login, the home page and a month of reservations included", () => {
    for (const chemin of ["/connexion", "/agent/connexion", "/", "/mot-de-passe-oublie", "/mon-profil/identite"]) {
      expect(limiteDuCorps(chemin, false), chemin).toBe(MO);
    }
    expect(limiteDuCorps("/famille/enfants/e1/reservations", true)).toBe(LIMITE_ACTION);
    expect(limiteDuCorps("/agent/reservations/f1/e1", true)).toBe(LIMITE_ACTION);
  });

  it("a page whose form carries a file: that file's limit with room above, for a session only", () => {
    expect(limiteDuCorps("/demandes/12", true)).toBe(21 * MO);
    expect(limiteDuCorps("/demandes/12", false)).toBe(MO);
    expect(limiteDuCorps("/famille/enfants/e1/absences", true)).toBe(21 * MO);
    expect(limiteDuCorps("/agent/parametrage", true)).toBe(3 * MO);
    // the upload route checks its own 10 MB: the proxy lets its body through for its French message
    expect(limiteDuCorps("/api/pieces", true)).toBe(21 * MO);
    // the other routes (next-auth's forms, PayFiP's notification): 1 MB
    expect(limiteDuCorps("/api/auth/signin/agents", false)).toBe(MO);
    expect(limiteDuCorps("/api/payfip/notification", false)).toBe(MO);
    // the wizard's identity photo (5 MB) comes before any account
    expect(limiteDuCorps("/creer-mon-espace/identite", false)).toBe(11 * MO);
  });

  it("is decided from the headers alone: the method, the announced length, a session cookie", () => {
    const requete = { methode: "POST", chemin: "/connexion", morcelee: false, avecSession: false };
    expect(refusDuCorps({ ...requete, longueur: String(MO + 1) })).toBe(413);
    expect(refusDuCorps({ ...requete, longueur: String(MO) })).toBeNull();
    expect(refusDuCorps({ ...requete, methode: "GET", longueur: String(50 * MO) })).toBeNull();
    // a chunked body announces no length: a browser never sends one
    expect(refusDuCorps({ ...requete, longueur: undefined, morcelee: true })).toBe(411);
    expect(refusDuCorps({ ...requete, longueur: null })).toBeNull();
    // the family's Échanges take a scan, an anonymous caller 1 MB there
    const echanges = { ...requete, chemin: "/demandes/12", longueur: String(12 * MO) };
    expect(refusDuCorps({ ...echanges, avecSession: true })).toBeNull();
    expect(refusDuCorps(echanges)).toBe(413);
  });

  it("Next's own limit is the largest page's, not more", () => {
    expect(LIMITE_ACTION_MAX).toBe(21 * MO);
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(`${LIMITE_ACTION_MAX / MO}mb`);
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(`${LIMITE_ACTION_MAX / MO}mb`);
  });
});

describe("every server action accepts 25 MB: the values echoed back", () => {
  it("are cut to each field's maximum length, a field without one left whole", () => {
    const schema = z.object({ identifiant: z.string().max(254), nom: z.string().trim().max(5).optional() });
    const echo = valeursRenvoyees(schema, {
      identifiant: "x".repeat(100_000),
      nom: "ETCHEVERRY",
      texte: "y".repeat(300),
    });
    expect(echo).toEqual({ identifiant: "x".repeat(254), nom: "ETCHE", texte: "y".repeat(300) });
  });
});

describe("every server action accepts 25 MB: the reservation list", () => {
  it("is refused from its length before it is parsed, and a full list of 1,000 changes still fits", () => {
    const un = { date: "2026-09-14", uniteId: 123456, reserver: false };
    const plein = JSON.stringify(Array.from({ length: CHANGEMENTS_MAX }, () => un));
    expect(changementsSchema.safeParse(plein).success).toBe(true);
    // not JSON at all: refused by its length, JSON.parse never reached (its message would be another)
    const enorme = changementsSchema.safeParse("[".repeat(200_000));
    expect(enorme.success).toBe(false);
    expect(enorme.error?.issues[0]?.message).toBe("Trop de changements à la fois : enregistrez-les en plusieurs fois.");
  });
});
