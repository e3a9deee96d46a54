"use client";
// CONTRÔLE DE SÉCURITÉ: the self-hosted ALTCHA widget (a checkbox; the proof of work runs in the background).
// It puts its payload in a hidden field named "altcha", verified once on the server.
import { useEffect, useState } from "react";
import { FieldMessages } from "@/components/ui/Field";

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      "altcha-widget": React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> & {
        challenge?: string;
        name?: string;
        language?: string;
        configuration?: string;
      };
    }
  }
}

export function AltchaField({ error }: { error?: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    Promise.all([import("altcha"), import("altcha/i18n/fr-fr")]).then(() => setReady(true));
  }, []);
  return (
    <div className="mb-4" aria-describedby={error ? "altcha-erreur" : undefined}>
      {ready ? (
        <altcha-widget
          challenge="/api/altcha"
          name="altcha"
          language="fr-fr"
          configuration={JSON.stringify({ hideLogo: true, hideFooter: true })}
        />
      ) : (
        <p className="text-sm text-stone-700">Chargement du contrôle de sécurité…</p>
      )}
      <FieldMessages name="altcha" error={error} />
    </div>
  );
}
