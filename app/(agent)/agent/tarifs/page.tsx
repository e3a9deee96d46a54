import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { Decimal, eurosSaisie } from "@/lib/argent/argent";
import { ibanEnClair } from "@/lib/argent/iban";
import { parametresFacturation } from "@/lib/domain/facturation/parametres";
import { anneesScolaires, grilleTarifs } from "@/lib/domain/facturation/tarifs";
import { resumeTarif } from "./resume";
import { modifierParametresAction } from "./actions";
import { sansPointFinal } from "@/lib/texte/point-final";

export const metadata = { title: "Tarifs" };

// Administrators: each unit's tariff per school year (fixed, QF brackets or taux d'effort) and the billing
// settings (régie, payment delay, the D1611-1 threshold).
export default async function TarifsPage({ searchParams }: { searchParams: Promise<{ annee?: string }> }) {
  await requireAgent("ADMIN");
  const { annee: choisie } = await searchParams;
  const annees = await anneesScolaires();
  const annee = annees.find((a) => String(a.id) === choisie) ?? annees[0];
  const [grille, parametres] = await Promise.all([annee ? grilleTarifs(annee.id) : [], parametresFacturation()]);
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-2">
          Tarifs {annee?.libelle}
        </h1>
        {annees.length > 1 && (
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="annee" className="block font-semibold">
                Année scolaire
              </label>
              <select id="annee" name="annee" defaultValue={annee?.id} className="champ">
                {annees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.libelle}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="bouton-secondaire">
              Afficher
            </button>
          </form>
        )}
        <p className="mb-4 text-sm">
          Tranches de quotient familial : la borne basse est comprise, la borne haute exclue (un QF de 600 € est dans la
          tranche « 600 € et plus »). Sans quotient familial, la famille paie la tranche la plus haute.
        </p>
        {grille.map((activite) => (
          <article key={activite.id} className="mb-4" aria-labelledby={`activite-${activite.id}`}>
            <h2 id={`activite-${activite.id}`} className="mb-1 font-bold">
              {activite.libelle}
            </h2>
            <ul className="divide-y divide-stone-200">
              {activite.unites.map((u) => (
                <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <strong>{u.libelle}</strong> : {u.tarif ? resumeTarif(u.tarif) : "aucun tarif"}
                  </span>
                  <Link href={`/agent/tarifs/${annee!.id}/${u.id}`} className="bouton-secondaire no-underline">
                    Modifier
                    <span className="sr-only">
                      {" "}
                      le tarif {u.libelle} ({sansPointFinal(activite.libelle)})
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>
      <section className="carte" aria-labelledby="parametres">
        <h2 id="parametres" className="mb-2 text-lg font-bold uppercase">
          Paramètres de facturation
        </h2>
        <ActionForm
          action={modifierParametresAction}
          bouton="Enregistrer les paramètres"
          champs={[
            { kind: "texte", name: "regie", label: "Régie de recettes", required: true },
            {
              kind: "texte",
              name: "delaiPaiementJours",
              label: "Délai de paiement (jours après l'émission)",
              required: true,
              inputMode: "numeric",
            },
            {
              kind: "texte",
              name: "seuilReport",
              label: "Seuil de mise en recouvrement (€)",
              required: true,
              hint: "Un mois dont le total est inférieur est reporté sur la facture suivante (article D1611-1 du CGCT, 15 € au plus ; 0 pour ne jamais reporter).",
            },
            {
              kind: "zoneTexte",
              name: "modesPaiement",
              label: "Comment payer (imprimé sur la facture)",
              maxLength: 1000,
            },
            {
              kind: "texte",
              name: "iban",
              label: "IBAN de la régie",
              hint: "Imprimé sur la facture avec la référence à indiquer pour un virement. Laissez vide si la régie ne reçoit pas de virement.",
              autoComplete: "off",
            },
            { kind: "texte", name: "bic", label: "BIC", hint: "8 ou 11 caractères.", autoComplete: "off" },
            {
              kind: "texte",
              name: "seuilAlerte",
              label: "Seuil d'alerte de la simulation (€)",
              required: true,
              hint: "La simulation signale une facture dont le total dépasse ce montant.",
            },
          ]}
          valeurs={{
            regie: parametres.regie,
            delaiPaiementJours: String(parametres.delaiPaiementJours),
            seuilReport: eurosSaisie(new Decimal(parametres.seuilReportCentimes)),
            modesPaiement: parametres.modesPaiement,
            iban: ibanEnClair(parametres.iban),
            bic: parametres.bic,
            seuilAlerte: eurosSaisie(new Decimal(parametres.seuilAlerteCentimes)),
          }}
        />
      </section>
    </div>
  );
}
