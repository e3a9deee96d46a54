import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import RecapReservations, { recapReservationsSubject, type RecapReservationsProps } from "@/emails/RecapReservations";

const rendre = (props: RecapReservationsProps) =>
  renderMail("a@b.fr", recapReservationsSubject(props.enfant, props.origine), createElement(RecapReservations, props));

describe("the reservations' recap mail", () => {
  it("after a parent's save: the days booked and cancelled, each with its unit", async () => {
    const mail = await rendre(RecapReservations.PreviewProps);
    expect(mail.subject).toBe("Vos réservations pour Louise");
    expect(mail.text).toContain("Vos réservations pour Louise (Inscription à la restauration");
    expect(mail.text).toContain("Jours réservés (2)\n\nlundi 7 septembre 2026 : Menu Classique");
    expect(mail.text).toContain("Jours annulés (1)\n\njeudi 10 septembre 2026 : Menu Classique");
    expect(mail.text).not.toContain("refusé");
  });

  it("after an agent's decision: the service treated the requests, each day booked, waiting or refused", async () => {
    const props: RecapReservationsProps = {
      ...RecapReservations.PreviewProps,
      reservees: [{ jour: "lundi 7 septembre 2026", unite: "Menu Classique" }],
      enAttente: [{ jour: "mardi 8 septembre 2026", unite: "Menu Végétarien" }],
      annulees: [],
      refusees: [{ jour: "jeudi 10 septembre 2026", unite: "Menu Classique" }],
      origine: "decision",
    };
    const mail = await rendre(props);
    expect(mail.subject).toBe("Vos demandes de réservation pour Louise");
    for (const part of [mail.text, mail.html.replace(/&#x27;/g, "'")]) {
      expect(part).toContain("Le service a traité vos demandes de réservation pour Louise");
      expect(part).toContain("lundi 7 septembre 2026 : Menu Classique");
      expect(part).toContain("Jours en liste d'attente (1)");
      expect(part).toContain("Jours refusés (1)");
      expect(part).toContain("Vous pouvez demander à nouveau un jour refusé depuis votre espace.");
    }
    expect(mail.text).toContain("Jours refusés (1)\n\njeudi 10 septembre 2026 : Menu Classique");
  });
});
