// The family's pending régularisations on its console billing page, read as of now, with the agent's avoir.
import { RegularisationsEnAttente } from "@/components/facturation/RegularisationsEnAttente";
import { regularisationsEnAttente } from "@/lib/domain/facturation/avoir-regularisation";
import { emettreAvoirRegularisationAction } from "./actions";

export async function Regularisations({ familleId, now }: { familleId: string; now: Date }) {
  return (
    <RegularisationsEnAttente
      lignes={await regularisationsEnAttente(familleId, now)}
      emettreAvoir={emettreAvoirRegularisationAction.bind(null, familleId)}
    />
  );
}
