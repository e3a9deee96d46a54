import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import InvitationCoRepresentant, { invitationCoRepresentantSubject } from "@/emails/InvitationCoRepresentant";

describe("the co-représentant's invitation", () => {
  it("says who invites and the clé enfance, the portal's link alone on its line, the commune's name elided", async () => {
    const lien = "https://portail.example/creer-mon-espace";
    const mail = await renderMail(
      "mikel@exemple.fr",
      invitationCoRepresentantSubject("Anglet"),
      createElement(InvitationCoRepresentant, {
        commune: "Anglet",
        serviceNom: "Service Enfance",
        invitePar: "Claire ETCHART",
        cleEnfance: "K7QX-3MPA",
        lien,
      }),
    );
    expect(mail.subject).toBe("Invitation au portail famille de la Mairie d'Anglet");
    expect(mail.text).toContain("Claire ETCHART vous a déclaré(e) co-représentant(e)");
    expect(mail.text).toContain("saisissez la clé enfance K7QX-3MPA dans « Modifier mon espace »");
    expect(mail.text.split("\n").map((ligne) => ligne.trim())).toContain(lien);
    expect(mail.html).toContain(`href="${lien}"`);
  });
});
