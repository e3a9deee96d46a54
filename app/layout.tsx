import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { communeDuGabarit } from "@/lib/domain/commune/gabarit";
import { apercuActif } from "@/lib/apercu";
import { previewMailboxEnabled } from "@/lib/config";
import { BandeauApercu } from "@/components/layout/BandeauApercu";
import { de } from "@/lib/texte/elision";

export async function generateMetadata(): Promise<Metadata> {
  const commune = await communeDuGabarit();
  return {
    title: {
      default: `Portail Famille — Mairie ${de(commune.nom)}`,
      template: `%s — Portail Famille ${de(commune.nom)}`,
    },
    // A preview's fictitious data has nothing to do in a search engine.
    ...(apercuActif() ? { robots: { index: false, follow: false } } : {}),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// The frame of every page, the ones served from the cache included (the login page, see proxy.ts): it reads
// neither the request nor the session, only the commune (under the tag `commune`) and the environment; the
// header learns in the browser whether someone is logged in (components/layout/SiteHeader.tsx). It is never
// rendered at build time: there is no database then, and every page is either dynamic (it reads the session or
// the request itself) or rendered at its first request (app/(auth)/connexion/[[...coquille]]/page.tsx).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const commune = await communeDuGabarit();
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2"
        >
          Aller au contenu
        </a>
        {apercuActif() && <BandeauApercu boiteAuxLettres={previewMailboxEnabled()} />}
        <SiteHeader
          commune={commune.nom}
          // the version in the URL makes browsers fetch a new logo at once
          logoUrl={commune.logoKey ? `/api/commune/logo?v=${commune.logoKey.slice(0, 8)}` : null}
        />
        <main id="contenu" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <SiteFooter siteUrl={commune.siteUrl} />
      </body>
    </html>
  );
}
