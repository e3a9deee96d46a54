import { describe, expect, it } from "vitest";
import { apercuActif, comptesDemonstration } from "@/lib/apercu";
import { codeTotp, verifierCodeTotp } from "@/lib/auth/totp";
import { DEMO_ADMIN_TOTP } from "@/prisma/demo-comptes";

describe("preview mode", () => {
  it.each([
    [{ PREVIEW: "1" }, true],
    [{ PREVIEW: "0" }, false],
    [{}, false],
    [{ DEMO: "1" }, false],
  ])("%o → %s", (env, actif) => expect(apercuActif(env)).toBe(actif));

  it("shows the parents on the citizens' page and the agents, with the admin's current code, on the console's", () => {
    const maintenant = new Date("2026-11-27T10:00:00Z");
    expect(comptesDemonstration("usager", maintenant).map((c) => c.identifiant)).toEqual([
      "parent.demo",
      "parent.attente",
    ]);
    const [agent, admin] = comptesDemonstration("agent", maintenant);
    expect(agent?.identifiant).toBe("agent.demo");
    expect(agent?.codeTotp).toBeUndefined();
    expect(admin?.identifiant).toBe("admin.demo");
    expect(admin?.codeTotp).toBe(codeTotp(DEMO_ADMIN_TOTP, maintenant));
    // the code the page shows is one the login accepts at that moment
    expect(verifierCodeTotp(DEMO_ADMIN_TOTP, admin!.codeTotp!, null, maintenant)).not.toBeNull();
    // and a page loaded 10 minutes later shows another one
    expect(comptesDemonstration("agent", new Date(maintenant.getTime() + 600_000))[1]?.codeTotp).not.toBe(
      admin?.codeTotp,
    );
  });
});
