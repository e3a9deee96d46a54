import { SimpleForm } from "@/components/ui/SimpleForm";
import { requireAgent } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { maintenant } from "@/lib/web/horloge";
import { DELAI_TRESORIER_JOURS, listeTresorier, relancesAFaire } from "@/lib/domain/paiement/relances";
import { euros } from "@/lib/argent/argent";
import { envoyerRelancesAction, transmettreAction } from "../actions";
import { NavigationPaiements } from "../Navigation";

export const metadata = { title: "Relances — Console des agents" };

export default async function RelancesPage() {
  await requireAgent();
  const [{ aRelancer, aTransmettre }, tresorier] = await Promise.all([
    relancesAFaire(await maintenant()),
    listeTresorier(),
  ]);
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-4">
          Relances
        </h1>
        <NavigationPaiements courant="/agent/paiements/relances" />
        <h2 className="mb-2 text-lg font-bold uppercase">Factures échues</h2>
        <p className="mb-4">
          {aRelancer.length === 0
            ? "Aucune facture échue n'attend de relance."
            : `${aRelancer.length} facture(s) échue(s) non relancée(s) : ${aRelancer.map((f) => f.numero).join(", ")}.`}{" "}
          Chaque famille reçoit un courriel qui rappelle le numéro et l&apos;échéance de la facture, sans son détail.
        </p>
        <SimpleForm action={envoyerRelancesAction} bouton="Envoyer les relances" />
      </section>
      <section className="carte" aria-labelledby="tresorier">
        <h2 id="tresorier" className="mb-2 text-lg font-bold uppercase">
          Transmission au trésorier
        </h2>
        <p className="mb-4">
          Les factures relancées il y a plus de {DELAI_TRESORIER_JOURS} jours et toujours impayées :{" "}
          {aTransmettre.length === 0 ? "aucune pour l'instant." : `${aTransmettre.length} à transmettre.`}
        </p>
        <SimpleForm action={transmettreAction} bouton="Transmettre au trésorier" />
        <h3 className="mt-6 mb-2 font-bold">Liste pour le trésorier</h3>
        {tresorier.length === 0 ? (
          <p>Aucune facture transmise et impayée.</p>
        ) : (
          <div role="region" aria-label="Liste pour le trésorier" tabIndex={0} className="overflow-x-auto">
            <table className="w-full min-w-[36rem] border-collapse text-left">
              <caption className="sr-only">Factures transmises au trésorier et toujours impayées</caption>
              <thead>
                <tr className="border-b-2 border-stone-300">
                  <th scope="col" className="p-2">
                    Facture
                  </th>
                  <th scope="col" className="p-2">
                    Destinataire
                  </th>
                  <th scope="col" className="p-2">
                    Échéance
                  </th>
                  <th scope="col" className="p-2">
                    Transmise le
                  </th>
                  <th scope="col" className="p-2 text-right">
                    Reste dû
                  </th>
                </tr>
              </thead>
              <tbody>
                {tresorier.map((f) => (
                  <tr key={f.id} className="border-b border-stone-200">
                    <td className="p-2">{f.numero}</td>
                    <td className="p-2">
                      {f.destinataire} ({f.famille.cleEnfance})
                    </td>
                    <td className="p-2">{formatParis(f.echeanceLe, "dd/MM/yyyy")}</td>
                    <td className="p-2">{formatParis(f.transmiseLe, "dd/MM/yyyy")}</td>
                    <td className="p-2 text-right whitespace-nowrap">{euros(f.reste)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
