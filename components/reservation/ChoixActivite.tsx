// The activities of a child's accepted inscriptions, when there are several: one link each, the one shown marked
// as the current page. The parent's and the agent's reservation pages share it.
import Link from "next/link";

type Props = { inscriptions: { id: string; activite: { libelle: string } }[]; courante: string | undefined };

export function ChoixActivite({ inscriptions, courante }: Props) {
  if (inscriptions.length <= 1) return null;
  return (
    <nav aria-label="Activités" className="mb-4">
      <ul className="flex flex-col gap-2 sm:flex-row">
        {inscriptions.map((i) => (
          <li key={i.id}>
            <Link
              href={`?inscription=${i.id}`}
              aria-current={i.id === courante ? "page" : undefined}
              className={i.id === courante ? "bouton-principal no-underline" : "bouton-secondaire no-underline"}
            >
              {i.activite.libelle}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
