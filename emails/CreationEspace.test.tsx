import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import CreationEspace, { creationEspaceSubject } from "@/emails/CreationEspace";

describe("the space creation mail", () => {
  it("has the seed's subject and wording in both the HTML and the text part", async () => {
    const lien = "https://portail.example/activation/abc";
    const mail = await renderMail(
      "claire@exemple.fr",
      creationEspaceSubject("Villefranque"),
      createElement(CreationEspace, { commune: "Villefranque", salutation: "Mme ETCHART", lien }),
    );
    expect(mail.subject).toBe("Mairie de Villefranque - Création de votre espace personnel");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("Bonjour Mme ETCHART");
      expect(part).toContain("Votre demande de création d");
      expect(part).toContain("Pour l");
      expect(part).toContain(lien);
      expect(part).toContain("La Mairie de Villefranque");
      expect(part).toContain("Ce message est envoyé par un automate");
    }
    expect(mail.html).toContain(`href="${lien}"`);
  });
});
