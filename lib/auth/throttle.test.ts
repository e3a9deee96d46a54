import { describe, expect, it } from "vitest";
import { LOGIN_LIMITS, lockedUntil } from "@/lib/auth/throttle";

const now = new Date("2026-11-26T10:00:00Z");
const minutesAgo = (...minutes: number[]) => minutes.map((m) => new Date(now.getTime() - m * 60_000));
const { perIdentifiant, perIp, windowMs } = LOGIN_LIMITS;

describe("login throttling windows", () => {
  it("allows four failures on an identifiant, locks at the fifth", () => {
    expect(lockedUntil(minutesAgo(1, 2, 3, 4), perIdentifiant, windowMs, now)).toBeNull();
    expect(lockedUntil(minutesAgo(1, 2, 3, 4, 5), perIdentifiant, windowMs, now)).toEqual(
      new Date(now.getTime() + 10 * 60_000),
    );
  });

  it("lifts the lock when the oldest failure that made the count leaves the 15 minutes", () => {
    // failures 1, 2, 3, 4 and 14 minutes ago: the lock lasts until the 14-minute-old one is 15 minutes old
    expect(lockedUntil(minutesAgo(14, 1, 2, 3, 4), perIdentifiant, windowMs, now)).toEqual(
      new Date(now.getTime() + 60_000),
    );
    // a failure older than the window does not count
    expect(lockedUntil(minutesAgo(15, 1, 2, 3), perIdentifiant, windowMs, now)).toBeNull();
    expect(lockedUntil(minutesAgo(16, 1, 2, 3, 4), perIdentifiant, windowMs, now)).toBeNull();
  });

  it("counts up to twenty failures per IP", () => {
    const nineteen = minutesAgo(...Array.from({ length: 19 }, (_, i) => i * 0.5));
    expect(lockedUntil(nineteen, perIp, windowMs, now)).toBeNull();
    const twenty = minutesAgo(...Array.from({ length: 20 }, (_, i) => i * 0.5));
    expect(lockedUntil(twenty, perIp, windowMs, now)).toEqual(new Date(now.getTime() + windowMs - 9.5 * 60_000));
  });
});
