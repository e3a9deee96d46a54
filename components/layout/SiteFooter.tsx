import Link from "next/link";

export function SiteFooter({ siteUrl }: { siteUrl?: string | null }) {
  return (
    <footer className="mt-12 border-t border-stone-300 bg-white">
      <nav aria-label="Pied de page" className="mx-auto max-w-5xl px-4 py-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-3 text-sm">
          {siteUrl && (
            <li>
              <a href={siteUrl} className="underline">
                Retour au site principal
              </a>
            </li>
          )}
          <li>
            <Link href="/mentions-legales" className="underline">
              Mentions légales
            </Link>
          </li>
          <li>
            <Link href="/cgu" className="underline">
              Conditions générales d&apos;utilisation
            </Link>
          </li>
          <li>
            <Link href="/infos-pratiques#contacts" className="underline">
              Contacts
            </Link>
          </li>
          <li>
            <Link href="/accessibilite" className="underline">
              Accessibilité : partiellement conforme
            </Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
