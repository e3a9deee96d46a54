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

export function SiteHeader({ commune, connecte }: { commune: string; connecte: boolean }) {
  return (
    <header className="bg-white shadow-sm">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold no-underline">
          <span className="block text-xs font-semibold uppercase tracking-widest text-marque-fonce">Portail Famille</span>
          Mairie de {commune}
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
              <Link href={item.href} className="block px-3 py-3 text-sm font-bold uppercase text-white no-underline hover:underline">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
