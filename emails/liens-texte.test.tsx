// Every mail template, rendered as the outbox renders it (lib/mail/render.ts) with the sample props of the mail
// previews: in the plain-text part, each address stands alone on its line, so that no dot, comma, parenthesis or
// closing quote is ever read as part of it (« …ce lien : http://…/suivi/abc. » opened « PAGE INTROUVABLE »).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { createElement, type ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/render";

type Gabarit = ComponentType<object> & { PreviewProps?: object };

const GABARITS = readdirSync(__dirname).filter((nom) => /^[A-Z]\w*\.tsx$/.test(nom));

/** Props beyond the previews' own, for the branches that hold a link the preview does not show. */
const VARIANTES: Record<string, object[]> = {
  "DemandeDecision.tsx": [
    { etapes: [{ texte: "Créez les inscriptions de vos enfants.", lien: "http://localhost:3000/x" }] },
  ],
  "TentativeCourriel.tsx": [{ lienActivation: undefined }, { lienActivation: "http://localhost:3000/activation/a" }],
};

/** Each address of a text part, with its whole line and the character after it. */
function adresses(texte: string) {
  return texte.split("\n").flatMap((ligne) =>
    [...ligne.matchAll(/https?:\/\/[^\s\]]+/g)].map((m) => ({
      adresse: m[0],
      ligne: ligne.trim(),
      suivant: ligne.charAt(m.index + m[0].length),
    })),
  );
}

describe("links in the plain-text part of every mail", () => {
  it("finds the templates", () => {
    expect(GABARITS.length).toBeGreaterThan(15);
  });

  it.each(GABARITS)("%s: each address stands alone on its line, nothing stuck to it", async (nom) => {
    const gabarit = ((await import(join(__dirname, nom))) as { default: Gabarit }).default;
    const base = gabarit.PreviewProps ?? {};
    let vues = 0;
    for (const props of [base, ...(VARIANTES[nom] ?? []).map((v) => ({ ...base, ...v }))]) {
      const { text } = await renderMail("a@b.fr", "Sujet", createElement(gabarit, props));
      for (const a of adresses(text)) {
        expect(a.adresse).not.toMatch(/[.,)»;:!?]$/);
        expect(a.suivant).not.toMatch(/[.,)»]/);
        expect(a.ligne).toBe(a.adresse);
        vues += 1;
      }
    }
    if (nom !== "CommandeTraiteur.tsx" && nom !== "CourrielModifie.tsx") expect(vues).toBeGreaterThan(0);
  });

  it("would catch the old suivi sentence", () => {
    const [a] = adresses("consultés en cliquant sur ce lien : http://localhost:3000/demandes/suivi/exemple.");
    expect(a?.adresse).toMatch(/\.$/);
    expect(a?.ligne).not.toBe(a?.adresse);
  });
});
