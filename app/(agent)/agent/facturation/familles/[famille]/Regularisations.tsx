// The family's régularisations not yet on an invoice (days changed after their invoice): the day, the reason and
// the signed amount, as the next invoice will show them; an agent may issue the credits at once as an avoir de
// régularisation instead of waiting for that invoice. A list, not a table: it reads the same at 360 px.
import { ActionForm } from "@/components/ui/ActionForm";
import { euros } from "@/lib/domain/facturation/argent";
import { regularisationsEnAttente } from "@/lib/domain/facturation/avoir-regularisation";
import { joursEnClair } from "@/lib/temps/jours";
import { emettreAvoirRegularisationAction } from "./actions";

export async function Regularisations({ familleId, now }: { familleId: string; now: Date }) {
  const lignes = await regularisationsEnAttente(familleId, now);
  const credits = lignes.filter((l) => l.montantCentimes < 0);
  const totalCredits = credits.reduce((s, l) => s + l.montantCentimes, 0);
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
                  {joursEnClair(l.jours)} {l.jours[0]!.slice(0, 4)}
                </strong>{" "}
                — {l.enfantNom}, {l.libelle.replace(/^Régularisation — /, "").replace(/ : .*$/, "")} —{" "}
                {l.regularisation} : <strong>{euros(l.montantCentimes)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {credits.length > 0 && (
        <>
          <p className="mb-2">
            En faveur de la famille : <strong>{euros(-totalCredits)}</strong>. Un avoir de régularisation les crédite
            dès maintenant, imputé sur ses factures à payer.
          </p>
          <ActionForm
            action={emettreAvoirRegularisationAction.bind(null, familleId)}
            bouton="Émettre un avoir de régularisation"
            champs={[]}
          />
        </>
      )}
    </section>
  );
}
