import { createElement } from "react";
import { expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import RappelVaccin, { rappelVaccinSubject } from "@/emails/RappelVaccin";

it("names the child with its elision, no vaccine and no date, and puts the link on a line of its own", async () => {
  const mail = await renderMail(
    "a@b.fr",
    rappelVaccinSubject("Ane"),
    createElement(RappelVaccin, RappelVaccin.PreviewProps),
  );
  expect(mail.subject).toBe("Le dossier santé d'Ane est à mettre à jour");
  expect(rappelVaccinSubject("Henri")).toBe("Le dossier santé de Henri est à mettre à jour");
  expect(mail.text).toContain(
    "Le dossier santé d'Ane est à mettre à jour. Merci de le compléter sur le portail famille :\n\nhttps://famille.villefranque.fr/famille/enfants/1/sante/mettre-a-jour\n",
  );
  for (const partie of [mail.subject, mail.text, mail.html]) {
    expect(partie).not.toMatch(/polio|vaccin|\d{2}\/\d{2}\/\d{4}/i);
  }
});
