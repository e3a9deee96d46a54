// Page links of a long list: previous, the pages around the current one, next. Plain links, so a page of a
// filtered list can be bookmarked and reached with the keyboard; the current page is announced as such.
import Link from "next/link";

type Props = { page: number; pages: number; href: (page: number) => string };

export function Pagination({ page, pages, href }: Props) {
  if (pages <= 1) return null;
  const autour = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination" className="mt-4">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} className="bouton-secondaire no-underline">
              <span aria-hidden="true">‹ </span>Page précédente
            </Link>
          </li>
        )}
        {autour.map((p, rang) => (
          <li key={p} className="flex items-center gap-2">
            {rang > 0 && p - autour[rang - 1]! > 1 && <span aria-hidden="true">…</span>}
            {p === page ? (
              <span aria-current="page" className="rounded-md bg-marque px-3 py-1 font-bold text-white">
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <Link href={href(p)} className="px-3 py-1">
                <span className="sr-only">Page </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pages && (
          <li>
            <Link href={href(page + 1)} className="bouton-secondaire no-underline">
              Page suivante<span aria-hidden="true"> ›</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
