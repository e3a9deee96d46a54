import { expect, it } from "vitest";
import { retryDelayMs } from "@/lib/mail/outbox";

it("retries after 15 s, then doubles the wait up to one hour", () => {
  expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([15_000, 30_000, 60_000, 120_000, 240_000]);
  expect(retryDelayMs(8)).toBe(1_920_000);
  expect(retryDelayMs(9)).toBe(3_600_000);
  expect(retryDelayMs(30)).toBe(3_600_000);
});
