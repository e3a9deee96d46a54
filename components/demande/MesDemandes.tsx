import Link from "next/link";
import { BadgeStatut } from "@/components/demande/BadgeStatut";
import { formatParis } from "@/lib/temps/dates";
import { DEMARCHES, libelleDemande, liensReprise } from "@/lib/domain/demarches";
import type { mesDemandes } from "@/lib/domain/demande/queries";

// "Mes demandes" on Mon accueil: drafts first (Reprendre, ANNULER LA DÉMARCHE), then the deposits.
export function MesDemandes({ demandes }: { demandes: Awaited<ReturnType<typeof mesDemandes>> }) {
  return (
    <section className="carte" aria-labelledby="mes-demandes">
      <h2 id="mes-demandes" className="mb-4 text-lg font-bold uppercase">
        Mes demandes
      </h2>
      {demandes.length === 0 ? (
        <p>Vous n&apos;avez aucune demande en cours.</p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {demandes.map((demande) => {
            const type = DEMARCHES[demande.type];
            const liens = liensReprise(demande);
            return (
              <li key={demande.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-semibold">
                    {demande.numero ? `N° ${demande.numero} — ` : ""}
                    <span className="uppercase">{type.domaine}</span> {libelleDemande(demande)}
                    {demande.enfant && ` — ${demande.enfant.prenoms}`}
                  </p>
                  <p className="text-sm text-stone-700">
                    {demande.deposeeAt
                      ? `Déposée le ${formatParis(demande.deposeeAt, "dd/MM/yyyy")}`
                      : `Commencée le ${formatParis(demande.createdAt, "dd/MM/yyyy")}`}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <BadgeStatut statut={demande.statut} />
                  {demande.nonLus > 0 && (
                    <Link href={`/demandes/${demande.numero}?onglet=echanges`} className="font-semibold">
                      {demande.nonLus === 1 ? "1 nouveau message" : `${demande.nonLus} nouveaux messages`}
                    </Link>
                  )}
                  {demande.statut === "BROUILLON" && liens ? (
                    <>
                      <Link href={liens.reprendre} className="bouton-secondaire no-underline">
                        Reprendre
                      </Link>
                      <Link href={liens.annuler} className="bouton-discret no-underline">
                        Annuler la démarche
                      </Link>
                    </>
                  ) : (
                    demande.numero && (
                      <Link href={`/demandes/${demande.numero}`} className="bouton-secondaire no-underline">
                        Voir<span className="sr-only"> la demande N° {demande.numero}</span>
                      </Link>
                    )
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
