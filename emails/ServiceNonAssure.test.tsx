import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import ServiceNonAssure, { serviceNonAssureSubject } from "@/emails/ServiceNonAssure";

describe("the service non assuré mail", () => {
  it("says the day, the lieu and the reason, and that nothing is billed; the undo says it takes place", async () => {
    const props = ServiceNonAssure.PreviewProps;
    const mail = await renderMail("a@b.fr", serviceNonAssureSubject(props), createElement(ServiceNonAssure, props));
    expect(mail.subject).toBe("Le service de restauration du jeudi 12 mars n'est pas assuré");
    for (const part of [mail.text, mail.html.replace(/&#x27;/g, "'")]) {
      expect(part).toContain(
        "Le service de restauration du jeudi 12 mars n'est pas assuré (École publique de Villefranque), en raison d'une grève.",
      );
      expect(part).toContain("ne vous seront pas facturées");
    }
    const retabli = { ...props, retabli: true };
    const undo = await renderMail("a@b.fr", serviceNonAssureSubject(retabli), createElement(ServiceNonAssure, retabli));
    expect(undo.subject).toBe("Le service de restauration du jeudi 12 mars est finalement assuré");
    expect(undo.text).toContain("les réservations de votre famille pour ce jour sont rétablies");
  });
});
