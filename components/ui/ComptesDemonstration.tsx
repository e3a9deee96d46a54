// The demo accounts, beside the login form of a preview (PREVIEW=1). The administrator's TOTP code is the one of
// the moment the page was rendered: reload the page for a fresh one.
import type { CompteDemonstration } from "@/lib/apercu";

export function ComptesDemonstration({ comptes }: { comptes: CompteDemonstration[] }) {
  return (
    <section aria-labelledby="comptes-demo" className="carte mt-6 border-2 border-dashed border-amber-500">
      <h2 id="comptes-demo" className="mb-2 text-lg font-bold uppercase">
        Comptes de démonstration
      </h2>
      <ul className="space-y-2">
        {comptes.map((compte) => (
          <li key={compte.identifiant}>
            <span className="font-semibold">{compte.role}</span> : identifiant <code>{compte.identifiant}</code>, mot de
            passe <code>{compte.motDePasse}</code>
            {compte.codeTotp && (
              <>
                , code de vérification <code>{compte.codeTotp}</code> (valable 30 secondes : rechargez la page pour un
                nouveau code)
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
