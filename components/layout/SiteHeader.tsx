// The portal's header: the commune, the menu of the seed (MON ACCUEIL, ACTUALITÉS, DOCUMENTS UTILES,
// ACTIVITÉS, INFOS PRATIQUES) and the way in or out of the citizen space.
import Link from "next/link";
import { deconnexion } from "@/app/(portail)/actions";

const MENU = [
  { href: "/mon-espace", label: "Mon accueil" },
  { href: "/actualites", label: "Actualités" },
  { href: "/documents-utiles", label: "Documents utiles" },
  { href: "/activites", label: "Activités" },
  { href: "/infos-pratiques", label: "Infos pratiques" },
];

/** `logoUrl`: the commune's logo set in Paramétrage, if any (the name stays beside it). */
export function SiteHeader({
  commune,
  connecte,
  logoUrl,
}: {
  commune: string;
  connecte: boolean;
  logoUrl?: string | null;
}) {
  return (
    <header className="bg-white shadow-sm">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-3 text-lg font-bold no-underline">
          {logoUrl && (
            // alt="": the link's text names the commune; the logo only repeats it.
            // eslint-disable-next-line @next/next/no-img-element -- a small uploaded image served by our own route
            <img src={logoUrl} alt="" className="h-12 w-auto max-w-32 object-contain" />
          )}
          <span>
            <span className="block text-xs font-semibold uppercase tracking-widest text-marque-fonce">
              Portail Famille
            </span>
            Mairie de {commune}
          </span>
        </Link>
        {connecte ? (
          <form action={deconnexion}>
            <button type="submit" className="bouton-secondaire">
              Se déconnecter
            </button>
          </form>
        ) : (
          <Link href="/connexion" className="bouton-secondaire no-underline">
            Mon espace perso
          </Link>
        )}
      </div>
      <nav aria-label="Menu principal" className="bg-marque-fonce">
        <ul className="mx-auto flex max-w-5xl flex-wrap px-2">
          {MENU.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className="block px-3 py-3 text-sm font-bold uppercase text-white no-underline hover:underline"
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
