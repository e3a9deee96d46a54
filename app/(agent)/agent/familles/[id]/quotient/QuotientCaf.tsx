// The family's QF on its console page and, when the commune has API Particulier and the family consented,
// « Interroger la CAF / MSA » (the titulaire's identity; the INSEE code of birth asked when missing).
import { dateEnLettres, sourceDuQuotient } from "@/components/quotient/mots";
import { config } from "@/lib/config";
import { quotientCafDeLaFamille } from "@/lib/domain/facturation/quotient-page";
import { interrogerCafAction } from "./actions";
import { InterrogerCafForm } from "./InterrogerCafForm";

export async function QuotientCaf({ familleId }: { familleId: string }) {
  if (!config.apiParticulier) return null;
  const famille = await quotientCafDeLaFamille(familleId);
  if (!famille) return null;
  const dernier = famille.quotients[0];
  return (
    <section aria-labelledby="quotient-caf" className="mt-4 rounded-md border border-stone-300 p-3">
      <h2 id="quotient-caf" className="mb-2 text-lg font-bold">
        Quotient familial (CAF / MSA)
      </h2>
      <p className="mb-2">
        {dernier
          ? `Dernier QF : ${dernier.valeur} € depuis le ${dateEnLettres(dernier.du)} (${sourceDuQuotient(dernier)}).`
          : "Aucun quotient familial enregistré."}
      </p>
      {famille.consentementQfLe ? (
        <InterrogerCafForm
          action={interrogerCafAction.bind(null, familleId)}
          demanderCode={!famille.representants[0]?.codeInseeNaissance}
        />
      ) : (
        <p>La famille n&apos;a pas autorisé la consultation de son quotient familial auprès de la CAF ou de la MSA.</p>
      )}
    </section>
  );
}
