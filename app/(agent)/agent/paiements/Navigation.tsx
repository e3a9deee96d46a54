import Link from "next/link";

const LIENS = [
  ["/agent/paiements", "Paiements"],
  ["/agent/paiements/nouveau", "Enregistrer un paiement"],
  ["/agent/paiements/soldes", "Soldes des familles"],
  ["/agent/paiements/relances", "Relances"],
  ["/agent/paiements/rapprochement", "Rapprochement du mois"],
] as const;

/** The payments section's own links, the current one marked. */
export function NavigationPaiements({ courant }: { courant: string }) {
  return (
    <nav aria-label="Paiements" className="mb-4">
      <ul className="flex flex-wrap gap-x-5 gap-y-2">
        {LIENS.map(([href, libelle]) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={href === courant ? "page" : undefined}
              className="aria-[current=page]:font-bold"
            >
              {libelle}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
