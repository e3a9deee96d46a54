import { describe, expect, it } from "vitest";
import { hashToken, HOUR, isExpired, newToken } from "@/lib/auth/tokens";
import { TOKEN_LIFETIME_MS } from "@/lib/domain/usager/liens";
import { sessionIsLive, SESSION_IDLE_MS, SESSION_MAX_MS, SESSION_SOUVENIR_MS } from "@/lib/auth/sessions";

describe("tokens", () => {
  it("are 256 random bits, url-safe, and stored only as their SHA-256", () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });

  it("last 24 hours for activation and 1 hour for a password reset", () => {
    expect(TOKEN_LIFETIME_MS.ACTIVATION).toBe(24 * HOUR);
    expect(TOKEN_LIFETIME_MS.PASSWORD_RESET).toBe(HOUR);
  });

  it("expire at their expiry instant, not a millisecond later", () => {
    const expiresAt = new Date("2026-11-26T10:00:00Z");
    expect(isExpired(expiresAt, new Date("2026-11-26T09:59:59.999Z"))).toBe(false);
    expect(isExpired(expiresAt, expiresAt)).toBe(true);
  });
});

describe("sessions", () => {
  const created = new Date("2026-11-26T08:00:00Z");
  it("end after 30 idle minutes", () => {
    const lastSeenAt = new Date(created.getTime() + HOUR);
    expect(
      sessionIsLive(
        { createdAt: created, lastSeenAt, revokedAt: null },
        new Date(lastSeenAt.getTime() + SESSION_IDLE_MS - 1),
      ),
    ).toBe(true);
    expect(
      sessionIsLive(
        { createdAt: created, lastSeenAt, revokedAt: null },
        new Date(lastSeenAt.getTime() + SESSION_IDLE_MS),
      ),
    ).toBe(false);
  });
  it("end 12 hours after login even when active", () => {
    const end = new Date(created.getTime() + SESSION_MAX_MS);
    expect(
      sessionIsLive({ createdAt: created, lastSeenAt: new Date(end.getTime() - 1000), revokedAt: null }, end),
    ).toBe(false);
  });
  it("end when revoked", () => {
    expect(sessionIsLive({ createdAt: created, lastSeenAt: created, revokedAt: created }, created)).toBe(false);
  });
  it("remembered on a device (« Se souvenir de moi »): 30 days idle and in all, not 30 minutes nor 12 hours", () => {
    expect(SESSION_SOUVENIR_MS).toBe(30 * 24 * HOUR);
    const souvenir = { createdAt: created, lastSeenAt: created, revokedAt: null, seSouvenir: true };
    expect(sessionIsLive(souvenir, new Date(created.getTime() + SESSION_MAX_MS + HOUR))).toBe(true);
    expect(sessionIsLive(souvenir, new Date(created.getTime() + SESSION_SOUVENIR_MS - 1))).toBe(true);
    expect(sessionIsLive(souvenir, new Date(created.getTime() + SESSION_SOUVENIR_MS))).toBe(false);
    const actif = { ...souvenir, lastSeenAt: new Date(created.getTime() + 29 * 24 * HOUR) };
    expect(sessionIsLive(actif, new Date(created.getTime() + SESSION_SOUVENIR_MS))).toBe(false);
    expect(sessionIsLive({ ...souvenir, revokedAt: created }, created)).toBe(false);
    expect(sessionIsLive({ ...souvenir, seSouvenir: false }, new Date(created.getTime() + SESSION_IDLE_MS))).toBe(
      false,
    );
  });
});
