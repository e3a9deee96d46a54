import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import PrelevementRejete, { prelevementRejeteSubject } from "@/emails/PrelevementRejete";

describe("the rejected debit mail", () => {
  it("names the invoice, the bank's reason and where to pay it; a suspension is said", async () => {
    const props = PrelevementRejete.PreviewProps;
    const mail = await renderMail(
      "a@b.fr",
      prelevementRejeteSubject(props.numero),
      createElement(PrelevementRejete, props),
    );
    expect(mail.subject).toBe("Prélèvement rejeté : facture FA-2026-000012 à régler");
    expect(mail.text).toContain("Le prélèvement de 48,45 € du 10/12/2026 pour votre facture FA-2026-000012");
    expect(mail.text).toContain("Motif indiqué par la banque : Le solde du compte était insuffisant.");
    expect(mail.text).toContain("https://famille.villefranque.fr/factures/FA-2026-000012/payer");
    expect(mail.text).toContain("restent payées par prélèvement automatique");
    const suspendu = { ...props, suspendu: true };
    const autre = await renderMail("a@b.fr", "x", createElement(PrelevementRejete, suspendu));
    expect(autre.text).toContain("votre mandat de prélèvement est suspendu");
  });
});
