import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import RecapReservationsFamille, {
  enfantsEnClair,
  recapReservationsFamilleSubject,
} from "@/emails/RecapReservationsFamille";

describe("the family's reservations recap mail", () => {
  it("names every child once, and lists each child × activity with its days and units, in text and html", async () => {
    const props = RecapReservationsFamille.PreviewProps;
    const mail = await renderMail(
      "a@b.fr",
      recapReservationsFamilleSubject(props.sections),
      createElement(RecapReservationsFamille, props),
    );
    expect(mail.subject).toBe("Vos réservations pour Louise et Paul");
    for (const part of [mail.text, mail.html.replace(/&#x27;/g, "'")]) {
      expect(part).toContain("Louise — Inscription à la garderie périscolaire.");
      expect(part).toContain("Paul — Inscription à la restauration (école publique).");
      expect(part).toContain("lundi 7 septembre 2026 : Soir");
      expect(part).toContain("http://localhost:3000/famille/reservations");
    }
    expect(mail.text).toContain("Jours annulés (1)\n\njeudi 10 septembre 2026 : Menu Classique");
  });

  it("joins the children's first names in French", () => {
    expect(enfantsEnClair([{ enfant: "Léa" }])).toBe("Léa");
    expect(enfantsEnClair([{ enfant: "Léa" }, { enfant: "Tom" }, { enfant: "Léa" }])).toBe("Léa et Tom");
    expect(enfantsEnClair([{ enfant: "Léa" }, { enfant: "Tom" }, { enfant: "Zoé" }])).toBe("Léa, Tom et Zoé");
  });
});
