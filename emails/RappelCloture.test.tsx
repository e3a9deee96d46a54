import { createElement } from "react";
import { expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import RappelCloture, { rappelClotureSubject } from "@/emails/RappelCloture";

it("names the cutoff, each child's days not booked and its link on a line of its own, in HTML and plain text", async () => {
  const mail = await renderMail(
    "a@b.fr",
    rappelClotureSubject,
    createElement(RappelCloture, RappelCloture.PreviewProps),
  );
  expect(mail.subject).toBe("Rappel : des jours de la semaine prochaine ne sont pas réservés");
  expect(mail.text).toContain(
    "Les réservations de la semaine du lundi 14 décembre ferment demain, jeudi 10 décembre, à 12:00.",
  );
  expect(mail.text).toContain(
    "Louise : lundi 14, mardi 15\nRéserver pour Louise :\nhttps://famille.villefranque.fr/famille/enfants/1/reservations",
  );
  expect(mail.text).toContain("Peio : jeudi 17");
  expect(mail.text).toMatch(/décochez-le sur Mon accueil :\nhttps:\/\/famille\.villefranque\.fr\/mon-espace/);
  expect(mail.html).toContain('href="https://famille.villefranque.fr/famille/enfants/2/reservations"');
});
