// The outbox row of a mail, once marked sent. The job runner marks it after the SMTP server's answer, a moment
// after the sink already holds the mail: a test that reads the row the instant the mail arrives may find it
// still « en cours » on a loaded machine. Imports nothing of the app (some files load it after setting SMTP_URL).
import { expect } from "vitest";

/** Reads the row until it is SENT (10 s at most), then returns it as read. */
export async function ligneEnvoyee<T extends { status: string }>(lire: () => Promise<T | null>): Promise<T> {
  await expect.poll(async () => (await lire())?.status, { timeout: 10_000, interval: 50 }).toBe("SENT");
  return (await lire())!;
}
