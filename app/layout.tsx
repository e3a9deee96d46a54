import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import "./globals.css";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { getCommune } from "@/lib/domain/commune/queries";
import { currentSession } from "@/lib/auth/current";
import { apercuActif } from "@/lib/apercu";
import { previewMailboxEnabled } from "@/lib/config";
import { BandeauApercu } from "@/components/layout/BandeauApercu";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const commune = await getCommune();
  return {
    title: {
      default: `Portail Famille — Mairie de ${commune.nom}`,
      template: `%s — Portail Famille de ${commune.nom}`,
    },
    // A preview's fictitious data has nothing to do in a search engine.
    ...(apercuActif() ? { robots: { index: false, follow: false } } : {}),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page reads the session and the commune: nothing is prerendered at build time (no database then).
  await connection();
  const [commune, session, entetes] = await Promise.all([getCommune(), currentSession(), headers()]);
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2"
        >
          Aller au contenu
        </a>
        {apercuActif() && <BandeauApercu boiteAuxLettres={previewMailboxEnabled()} agent={session?.kind === "AGENT"} />}
        <SiteHeader
          commune={commune.nom}
          connecte={session?.kind === "USAGER"}
          console={entetes.get("x-portail-espace") === "console"}
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
