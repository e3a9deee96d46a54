"use client";
// The portal's header: the commune, the menu of the seed (MON ACCUEIL, ACTUALITÉS, DOCUMENTS UTILES,
// ACTIVITÉS, INFOS PRATIQUES) and the way in or out of the citizen space. On a phone it is one compact row: the
// menu folds behind a "Menu" disclosure (a <details>: keyboard and screen readers know it as an expandable
// button, and it works before any script has loaded). The console has its own header: no citizen menu, no
// "Mon espace perso".
//
// The frame is the same for everyone (the login page is served from the cache), so the header finds out for
// itself: which space the page belongs to from the route's own groups (the console is app/(agent) and the
// agents' login pages app/(auth)/agent; a page of app/(portail) is always a logged-in parent's), elsewhere
// whether a parent is logged in from the session's hint (lib/auth/indice-espace.ts), read in the browser.
import Link from "next/link";
import { useSelectedLayoutSegments } from "next/navigation";
import { deconnexion } from "@/app/(portail)/actions";
import { useIndiceEspace } from "@/components/layout/useIndiceEspace";
import { de } from "@/lib/texte/elision";

const MENU = [
  { href: "/mon-espace", label: "Mon accueil" },
  { href: "/actualites", label: "Actualités" },
  { href: "/documents-utiles", label: "Documents utiles" },
  { href: "/activites", label: "Activités" },
  { href: "/infos-pratiques", label: "Infos pratiques" },
];

type Props = {
  commune: string;
  /** the commune's logo set in Paramétrage, if any (the name stays beside it) */
  logoUrl?: string | null;
};

function Liens({ className }: { className: string }) {
  return (
    <ul className={className}>
      {MENU.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            className="flex min-h-11 items-center px-3 py-2 text-sm font-bold uppercase text-white no-underline hover:underline"
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function SiteHeader({ commune, logoUrl }: Props) {
  const [groupe, dossier] = useSelectedLayoutSegments();
  const indice = useIndiceEspace();
  // the agents' console: its own menu is in its layout
  const console = groupe === "(agent)" || (groupe === "(auth)" && dossier === "agent");
  const connecte = groupe === "(portail)" || indice === "usager";
  return (
    <header className="relative bg-white shadow-sm">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-3 py-2 sm:gap-3 sm:px-4 sm:py-3">
        <Link
          href={console ? "/agent" : "/"}
          className="flex min-w-0 items-center gap-2 font-bold no-underline sm:gap-3 sm:text-lg"
        >
          {logoUrl && (
            // alt="": the link's text names the commune; the logo only repeats it.
            // eslint-disable-next-line @next/next/no-img-element -- a small uploaded image served by our own route
            <img src={logoUrl} alt="" className="h-9 w-auto max-w-24 object-contain sm:h-12 sm:max-w-32" />
          )}
          <span className="min-w-0">
            <span className="block text-xs font-semibold uppercase tracking-widest text-marque-fonce">
              {console ? "Console des agents" : "Portail Famille"}
            </span>
            <span className="block leading-tight">Mairie {de(commune)}</span>
          </span>
        </Link>
        {!console && (
          <div className="flex shrink-0 items-center gap-2">
            {connecte ? (
              <form action={deconnexion}>
                <button type="submit" className="bouton-secondaire px-2 text-xs sm:px-4 sm:text-sm">
                  Se déconnecter
                </button>
              </form>
            ) : (
              <Link href="/connexion" className="bouton-secondaire px-2 text-xs no-underline sm:px-4 sm:text-sm">
                Mon espace perso
              </Link>
            )}
          </div>
        )}
      </div>
      {!console && (
        <nav aria-label="Menu principal" className="bg-marque-fonce">
          <details className="group sm:hidden">
            <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 text-sm font-bold uppercase text-white [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true" className="text-lg leading-none group-open:hidden">
                ☰
              </span>
              <span aria-hidden="true" className="hidden text-lg leading-none group-open:inline">
                ✕
              </span>
              Menu
            </summary>
            <Liens className="border-t border-white/30 pb-2" />
          </details>
          <Liens className="mx-auto hidden max-w-5xl flex-wrap px-2 sm:flex" />
        </nav>
      )}
    </header>
  );
}
