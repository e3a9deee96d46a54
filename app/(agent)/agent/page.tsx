import Link from "next/link";
import { JourneeConsole } from "@/components/console/JourneeConsole";
import { TableDemandes } from "@/components/demande/TableDemandes";
import { requireAgent } from "@/lib/auth/current";
import { STATUTS_VISIBLES, tableauDeBord } from "@/lib/domain/demande/queries-console";
import { LIBELLES_STATUT } from "@/lib/domain/demande/transitions";
import { DEMARCHES } from "@/lib/domain/demarches";
import { journeeConsole } from "@/lib/domain/console/tableau-de-bord";
import type { TypeDemande } from "@/lib/generated/prisma/enums";
import { jourParis } from "@/lib/temps/jours";
import { maintenant } from "@/lib/web/horloge";

export const metadata = { title: "Tableau de bord — Console des agents" };

// What an agent opens first: today (the services, the absences, the invoices past due, the demandes waiting,
// the weeks around today as a chart), then the queue "À traiter" oldest deposit first, what they have
// themselves taken up, and the demandes by type and state. Each count and each number is a link, so the work is one click away.
export default async function TableauDeBordPage() {
  const { agent } = await requireAgent();
  const [{ comptes, aTraiter, nbATraiter, mesInstructions }, journee] = await Promise.all([
    tableauDeBord(agent.id),
    maintenant().then((now) => journeeConsole(jourParis(now))),
  ]);
  const types = Object.keys(DEMARCHES) as TypeDemande[];
  const statuts = STATUTS_VISIBLES;
  const nombre = (type: TypeDemande, statut: string) =>
    comptes.find((c) => c.type === type && c.statut === statut)?.nombre ?? 0;
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-2">
          <span className="block text-base text-stone-700">Console des agents</span>
          Tableau de bord
        </h1>
        <p>
          Bonjour {agent.prenom} {agent.nom.toUpperCase()} ({agent.role === "ADMIN" ? "administrateur" : "agent"}).
        </p>
      </section>

      <JourneeConsole
        journee={journee}
        libellesDemandes={Object.fromEntries(types.map((type) => [type, DEMARCHES[type].libelle]))}
      />

      <section className="carte" aria-labelledby="a-traiter">
        <h2 id="a-traiter" className="mb-4 text-lg font-bold uppercase">
          À traiter ({nbATraiter})
        </h2>
        <TableDemandes
          demandes={aTraiter}
          legende="Demandes à traiter, la plus ancienne d'abord"
          vide="Aucune demande à traiter."
        />
        {nbATraiter > aTraiter.length && (
          <p>
            <Link href="/agent/demandes?statut=DEPOSEE">Voir les {nbATraiter} demandes à traiter</Link>
          </p>
        )}
      </section>

      <section className="carte" aria-labelledby="mes-instructions">
        <h2 id="mes-instructions" className="mb-4 text-lg font-bold uppercase">
          Mes demandes en cours d&apos;instruction ({mesInstructions.length})
        </h2>
        <TableDemandes
          demandes={mesInstructions}
          legende="Mes demandes en cours d'instruction"
          vide="Vous n'instruisez aucune demande en ce moment."
        />
      </section>

      <section className="carte" aria-labelledby="comptes">
        <h2 id="comptes" className="mb-4 text-lg font-bold uppercase">
          Demandes par type et par état
        </h2>
        <div
          role="region"
          aria-label="Tableau des demandes par type et par état"
          tabIndex={0}
          className="overflow-x-auto"
        >
          <table className="w-full min-w-[40rem] border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-stone-300">
                <th scope="col" className="p-2">
                  Type
                </th>
                {statuts.map((statut) => (
                  <th key={statut} scope="col" className="p-2">
                    {LIBELLES_STATUT[statut]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {types.map((type) => (
                <tr key={type} className="border-b border-stone-200">
                  <th scope="row" className="p-2">
                    {DEMARCHES[type].libelle}
                  </th>
                  {statuts.map((statut) => (
                    <td key={statut} className="p-2">
                      {nombre(type, statut) > 0 ? (
                        <Link
                          href={`/agent/demandes?type=${type}&statut=${statut}`}
                          aria-label={`${nombre(type, statut)} ${DEMARCHES[type].libelle} : ${LIBELLES_STATUT[statut]}`}
                        >
                          {nombre(type, statut)}
                        </Link>
                      ) : (
                        0
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
