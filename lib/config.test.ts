import { describe, expect, it } from "vitest";
import { previewMailboxEnabled } from "@/lib/config";

describe("the preview mailbox (/dev/mails)", () => {
  it.each([
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "production", DEMO: "1" }, true],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "development", SMTP_URL: "smtp://mail.example:25" }, false],
    [{ NODE_ENV: "production", DEMO: "1", SMTP_URL: "smtp://mail.example:25" }, false],
  ])("%o → %s", (env, expected) => {
    expect(previewMailboxEnabled(env)).toBe(expected);
  });
});
