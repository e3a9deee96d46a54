import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/auth/login-form";

describe("where a login leads", () => {
  it.each([
    ["/mon-profil", "/mon-profil"],
    ["/mon-espace?onglet=1", "/mon-espace?onglet=1"],
    [undefined, "/mon-espace"],
    ["", "/mon-espace"],
    ["https://ailleurs.example/piege", "/mon-espace"],
    ["//ailleurs.example/piege", "/mon-espace"],
    ["/\\ailleurs.example", "/mon-espace"],
    ["javascript:alert(1)", "/mon-espace"],
  ])("suite=%s → %s (only a path of this site)", (suite, expected) => {
    expect(safeNext(suite, "/mon-espace")).toBe(expected);
  });
});
