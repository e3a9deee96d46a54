// A family's régularisations not yet on an invoice (days changed after their invoice): the day, the child and
// prestation, the reason and the signed amount, as its next invoice will show them; with credits among them, the
// agent's « Émettre un avoir de régularisation ». A list, not a table: it reads the same at 360 px.
import { ActionForm } from "@/components/ui/ActionForm";
import { euros } from "@/lib/argent/argent";
import type { Ligne } from "@/lib/domain/facturation/calcul";
import type { FormState } from "@/lib/forms";
import { joursEnClair } from "@/lib/temps/jours";

/** « Restauration — Menu Classique », the prestation of a régularisation's libellé. */
const prestation = (l: Pick<Ligne, "libelle">) => l.libelle.replace(/^Régularisation — /, "").replace(/ : .*$/, "");

export function RegularisationsEnAttente({
  lignes,
  emettreAvoir,
}: {
  lignes: Pick<
    Ligne,
    "enfantId" | "enfantNom" | "uniteId" | "libelle" | "jours" | "regularisation" | "montantCentimes"
  >[];
  emettreAvoir: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const credits = lignes.filter((l) => l.montantCentimes < 0).reduce((s, l) => s - l.montantCentimes, 0);
  return (
    <section className="carte" aria-labelledby="regularisations">
      <h2 id="regularisations" className="mb-2 text-lg font-bold uppercase">
        Régularisations en attente
      </h2>
      {lignes.length === 0 ? (
        <p>Aucune : chaque jour facturé l&apos;a été pour ce qu&apos;il coûte aujourd&apos;hui.</p>
      ) : (
        <>
          <p className="mb-2">
            Jours modifiés après leur facture : ils figureront sur la prochaine facture de la famille.
          </p>
          <ul className="mb-4 divide-y divide-stone-200">
            {lignes.map((l) => (
              <li key={`${l.enfantId}-${l.uniteId}-${l.jours[0]}`} className="py-2">
                <strong>
                  {joursEnClair(l.jours)} {l.jours[0]?.slice(0, 4)}
                </strong>{" "}
                — {l.enfantNom}, {prestation(l)} — {l.regularisation} : <strong>{euros(l.montantCentimes)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {credits > 0 && (
        <>
          <p className="mb-2">
            En faveur de la famille : <strong>{euros(credits)}</strong>. Un avoir de régularisation les crédite dès
            maintenant, imputé sur ses factures à payer.
          </p>
          <ActionForm action={emettreAvoir} bouton="Émettre un avoir de régularisation" champs={[]} />
        </>
      )}
    </section>
  );
}
