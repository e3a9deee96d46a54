// The mail telling a family its invoice is ready ("FactureDisponible"): rendered once per run, then filled per
// family, since rendering React Email for each of thousands of families is too slow.
import "server-only";
import { createElement } from "react";
import FactureDisponible, { factureDisponibleSubject, phrasePrelevement } from "@/emails/FactureDisponible";
import { config } from "@/lib/config";
import { renderMail } from "@/lib/mail/render";

export async function modeleCourriel(commune: string, periode: string) {
  const repere = { salutation: "§SALUTATION§", numero: "§NUMERO§", prelevement: "§PRELEVEMENT§" };
  const lien = `${config.appUrl}/factures`;
  const mail = await renderMail(
    "",
    factureDisponibleSubject(periode),
    createElement(FactureDisponible, { commune, periode, lien, ...repere }),
  );
  const echapper = (t: string) =>
    t
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#x27;");
  /** `prelevement`: the day the invoice is debited ("10/12/2026"), for a family paying by prélèvement */
  return (to: string, valeurs: { salutation: string; numero: string; prelevement?: string }) => {
    const prelevement = valeurs.prelevement ? phrasePrelevement(valeurs.prelevement) : "";
    return {
      to,
      subject: mail.subject,
      html: mail.html
        .replaceAll(repere.salutation, echapper(valeurs.salutation))
        .replaceAll(repere.numero, echapper(valeurs.numero))
        .replaceAll(repere.prelevement, echapper(prelevement)),
      text: mail.text
        .replaceAll(repere.salutation, valeurs.salutation)
        .replaceAll(repere.numero, valeurs.numero)
        .replaceAll(repere.prelevement, prelevement),
    };
  };
}

export type Courriel = Awaited<ReturnType<typeof modeleCourriel>>;
