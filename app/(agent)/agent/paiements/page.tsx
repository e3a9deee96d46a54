import Link from "next/link";
import { requireAgent } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { derniersPaiements, nomFamille } from "@/lib/domain/paiement/queries";
import { euros } from "@/lib/argent/argent";
import { LIBELLES_MODE } from "@/lib/domain/paiement/modes";
import { NavigationPaiements } from "./Navigation";
import { RechercheFamille } from "./Recherche";

export const metadata = { title: "Paiements — Console des agents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PaiementsPage({ searchParams }: Props) {
  await requireAgent();
  const { q } = await searchParams;
  const paiements = await derniersPaiements();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Paiements
      </h1>
      <NavigationPaiements courant="/agent/paiements" />
      <RechercheFamille q={typeof q === "string" ? q.trim().slice(0, 100) : ""} />
      <p className="mb-4 flex flex-wrap gap-4">
        <a href="/agent/paiements/export?quoi=factures" download>
          Exporter les factures en CSV
        </a>
        <a href="/agent/paiements/export?quoi=paiements" download>
          Exporter les paiements en CSV
        </a>
      </p>
      <h2 className="mb-2 text-lg font-bold">Derniers paiements</h2>
      {paiements.length === 0 ? (
        <p>Aucun paiement enregistré.</p>
      ) : (
        <div role="region" aria-label="Derniers paiements" tabIndex={0} className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left">
            <caption className="sr-only">Les 100 derniers paiements, le plus récent d&apos;abord</caption>
            <thead>
              <tr className="border-b-2 border-stone-300">
                <th scope="col" className="p-2">
                  Date
                </th>
                <th scope="col" className="p-2">
                  Famille
                </th>
                <th scope="col" className="p-2">
                  Mode
                </th>
                <th scope="col" className="p-2 text-right">
                  Montant
                </th>
                <th scope="col" className="p-2">
                  Factures payées
                </th>
              </tr>
            </thead>
            <tbody>
              {paiements.map((p) => (
                <tr key={p.id} className="border-b border-stone-200 align-top">
                  <td className="p-2 whitespace-nowrap">
                    <Link href={`/agent/paiements/${p.id}`}>{formatParis(p.date, "dd/MM/yyyy")}</Link>
                  </td>
                  <td className="p-2">{nomFamille(p.famille)}</td>
                  <td className="p-2">
                    {LIBELLES_MODE[p.mode]}
                    {p.reference && p.mode !== "CB_PAYFIP" ? ` n° ${p.reference}` : ""}
                  </td>
                  <td className="p-2 text-right whitespace-nowrap">{euros(p.montantCentimes)}</td>
                  <td className="p-2">
                    {p.affectations.length === 0
                      ? "non affecté"
                      : p.affectations.map((a) => `${a.facture.numero} (${euros(a.montantCentimes)})`).join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
