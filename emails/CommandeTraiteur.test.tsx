import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";
import CommandeTraiteur, { commandeTraiteurSubject } from "@/emails/CommandeTraiteur";

describe("the caterer's mail", () => {
  it("says the lieu, the days and the counts per menu; a later version says the order changed", async () => {
    const props = CommandeTraiteur.PreviewProps;
    const mail = await renderMail("c@t.fr", commandeTraiteurSubject(props), createElement(CommandeTraiteur, props));
    expect(mail.subject).toBe("Commande de repas : École publique de Villefranque, lundi 14 septembre");
    for (const part of [mail.text, mail.html.replace(/&#x27;/g, "'")]) {
      expect(part).toContain("Lundi 14 septembre");
      expect(part).toContain(
        "Menu Classique : 62 repas ; régimes : Sans porc (4) ; allergènes : Arachides (2) ; PAI : 1",
      );
      expect(part).toContain("Menu Végétarien : 18 repas");
    }
    const jours = [...props.jours, { ...props.jours[0]!, jour: "mardi 15 septembre", version: 2 }];
    expect(commandeTraiteurSubject({ lieu: props.lieu, jours })).toBe(
      "Commande de repas modifiée : École publique de Villefranque, du lundi 14 septembre au mardi 15 septembre",
    );
  });
});
