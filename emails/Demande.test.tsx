import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import DemandeDeposee, { demandeSubject } from "@/emails/DemandeDeposee";
import DemandeDecision, { decisionSubject } from "@/emails/DemandeDecision";
import NouveauMessage, { nouveauMessageSubject } from "@/emails/NouveauMessage";

describe("the mails of a demande", () => {
  it("writes the deposit mail as the seed does, in both parts", async () => {
    const mail = await renderMail(
      "claire@exemple.fr",
      demandeSubject(73),
      createElement(DemandeDeposee, DemandeDeposee.PreviewProps),
    );
    expect(mail.subject).toBe("Référence : 73");
    for (const part of [mail.text, mail.html.replace(/&#x27;/g, "'")]) {
      expect(part).toContain("Bonjour Mme ETCHART");
      expect(part).toContain("Nous avons bien reçu votre demande (Ajout de famille), déposée le 02/07/2024.");
      expect(part).toContain(
        "Le service (Service Enfance / enfance@mairie-villefranque.fr) vous tiendra régulièrement informé de l'avancement de son instruction",
      );
      expect(part).toContain("http://localhost:3000/demandes/suivi/exemple");
      expect(part).toContain("La Mairie de Villefranque");
    }
  });

  it("gives a refusal's motif and what a complément needs", async () => {
    const base = { ...DemandeDecision.PreviewProps, complement: null };
    const refus = await renderMail(
      "a@b.fr",
      "Référence : 73",
      createElement(DemandeDecision, { ...base, decision: "REFUSEE", motif: "Hors commune." }),
    );
    expect(refus.text).toContain("Votre demande N° 73 (Ajout de famille) a été refusée.");
    expect(refus.text).toContain("Motif du refus : Hors commune.");
    const complement = await renderMail(
      "a@b.fr",
      "Référence : 73",
      createElement(DemandeDecision, { ...base, decision: "A_COMPLETER", motif: "Le livret de famille." }),
    );
    expect(complement.text).toContain("Ce qu'il manque : Le livret de famille.");
    expect(complement.text).toContain("renvoyez-la");
  });

  it("names the decision in the subject, not the deposit's « Référence »", () => {
    expect(decisionSubject(12, "ACCEPTEE")).toBe("Demande N° 12 acceptée");
    expect(decisionSubject(12, "REFUSEE")).toBe("Demande N° 12 refusée");
    expect(decisionSubject(12, "A_COMPLETER")).toBe("Demande N° 12 à compléter");
    expect(decisionSubject(12, "ANNULEE")).toBe("Demande N° 12 classée sans suite");
  });

  it("announces an agent's message without its content", async () => {
    const mail = await renderMail(
      "a@b.fr",
      nouveauMessageSubject(73),
      createElement(NouveauMessage, NouveauMessage.PreviewProps),
    );
    expect(mail.subject).toBe("Vous avez un nouveau message concernant votre demande N° 73");
    expect(mail.text).toContain("/demandes/73?onglet=echanges");
  });
});
