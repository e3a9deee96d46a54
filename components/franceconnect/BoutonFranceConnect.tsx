// The FranceConnect button of the official kit ("S'identifier avec FranceConnect", the logo, the link
// "Qu'est-ce que FranceConnect ?"), above a login form with "ou" between. A plain form: it works without
// JavaScript (lib/auth/oidc.ts starts the exchange). Nothing is shown when FranceConnect is not configured.
import { Suspense } from "react";
import { Ou } from "@/components/franceconnect/Ou";
import { SuiteDeLAdresse } from "@/components/ui/LoginForm";
import { config } from "@/lib/config";

export function BoutonFranceConnect() {
  if (!config.franceconnect) return null;
  return (
    <div className="mb-4">
      <form method="post" action="/api/auth/signin/franceconnect">
        {/* the page asked for before the login, where FranceConnect's return goes (lib/auth/oidc.ts) */}
        <Suspense>
          <SuiteDeLAdresse gardee="" />
        </Suspense>
        <button
          type="submit"
          className="inline-flex min-h-14 items-center gap-3 rounded bg-[#000091] px-4 py-2 text-left text-white hover:bg-[#1212ff] focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-[#0a76f6]"
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- a 2 kB SVG, nothing to optimise */}
          <img src="/franceconnect-logo.svg" alt="" width={32} height={36} />
          <span className="leading-tight">
            S&apos;identifier avec
            <br />
            <span className="font-bold">FranceConnect</span>
          </span>
        </button>
      </form>
      <p className="mt-2 text-sm">
        <a
          href="https://franceconnect.gouv.fr/"
          target="_blank"
          rel="noopener"
          title="Qu'est-ce que FranceConnect ? - nouvelle fenêtre"
        >
          Qu&apos;est-ce que FranceConnect ?
        </a>
      </p>
      <Ou />
    </div>
  );
}
