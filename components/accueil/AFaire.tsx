// Mon accueil's first block on a phone: what needs doing, each line a link (44 px high): the amount due, the next
// booking cutoff (the rule of lib/domain/agenda/cloture.ts, from the agenda the page loads once for both blocks),
// and, per child, what waits for the parent (the dossier santé, an absence's justificatif, an inscription « à
// compléter »). Nothing is shown for what is not due: no amount when 0, no cutoff when nothing is open.
import Link from "next/link";
import { euros } from "@/lib/argent/argent";

export type ActionEnfant = { enfantId: string; prenom: string; texte: string; href: string };

type Props = {
  resteCentimes: number;
  /** « jeudi 10 décembre à 12:00 », or null */
  cloture: string | null;
  actions: ActionEnfant[];
};

/** The lines of each child (in the family's order): dossier santé, absences to justify, inscriptions to complete. */
export function actionsDesEnfants(
  enfants: { id: string; prenoms: string }[],
  a: {
    sansDossier: Set<string>;
    absences: { enfantId: string; numero: number }[];
    aCompleter: Map<string, { numero: number }[]>;
  },
): ActionEnfant[] {
  return enfants.flatMap(({ id, prenoms }) => {
    const base = { enfantId: id, prenom: prenoms };
    const absences = a.absences.filter((absence) => absence.enfantId === id);
    return [
      ...(a.sansDossier.has(id)
        ? [{ ...base, texte: `compléter le dossier santé`, href: `/famille/enfants/${id}/sante` }]
        : []),
      ...(absences.length > 0
        ? [
            {
              ...base,
              texte:
                absences.length > 1
                  ? `envoyer les justificatifs de ${absences.length} absences`
                  : "envoyer le justificatif d'absence",
              href: `/famille/enfants/${id}/absences`,
            },
          ]
        : []),
      ...(a.aCompleter.get(id) ?? []).map(({ numero }) => ({
        ...base,
        texte: `compléter l'inscription n° ${numero}`,
        href: `/demandes/${numero}`,
      })),
    ];
  });
}

const LIGNE = "flex min-h-11 items-center gap-2 rounded-md px-2 py-1 hover:bg-orange-50";

export function AFaire({ resteCentimes, cloture, actions }: Props) {
  const rien = resteCentimes <= 0 && !cloture && actions.length === 0;
  return (
    <section className="carte py-3" aria-labelledby="a-faire" data-testid="a-faire">
      <h2 id="a-faire" className="mb-1 text-lg font-bold uppercase">
        À faire
      </h2>
      {rien ? (
        <p>Rien à faire pour l&apos;instant.</p>
      ) : (
        <ul className="-mx-2">
          {resteCentimes > 0 && (
            <li>
              <Link href="/factures" className={LIGNE}>
                <span>
                  À payer : <strong>{euros(resteCentimes)}</strong>
                </span>
              </Link>
            </li>
          )}
          {cloture && (
            <li>
              <Link href="/famille/reservations" className={LIGNE}>
                <span>
                  Prochaine clôture : <strong>{cloture}</strong>
                </span>
              </Link>
            </li>
          )}
          {actions.map((action) => (
            <li key={`${action.enfantId}-${action.href}`}>
              <Link href={action.href} className={LIGNE}>
                <span>
                  <strong>{action.prenom}</strong> : {action.texte}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
