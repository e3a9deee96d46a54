import Link from "next/link";
import { AgendaAccueil } from "@/components/accueil/AgendaAccueil";
import { CarteEnfant } from "@/components/famille/CarteEnfant";
import { DemarchesEnfance } from "@/components/layout/DemarchesEnfance";
import { MesDemandes } from "@/components/demande/MesDemandes";
import { InscriptionsEnfant } from "@/components/inscription/InscriptionsEnfant";
import { LiensInscription } from "@/components/inscription/LiensInscription";
import { MesInformations } from "@/components/layout/MesInformations";
import { requireUsager } from "@/lib/auth/current";
import { dateHeure } from "@/lib/temps/dates";
import { mesDemandes } from "@/lib/domain/demande/queries";
import { etatDeclaration } from "@/lib/domain/famille/declaration";
import { familleDuUsager } from "@/lib/domain/famille/queries";
import { reservationsDeLaFamille } from "@/lib/domain/famille/reservations";
import { maintenant } from "@/lib/web/horloge";
import { inscriptionsDesEnfants, scolariteDesEnfants } from "@/lib/domain/inscription/queries";
import { etatsSante } from "@/lib/domain/sante/queries";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Mon accueil" };

export default async function MonAccueilPage() {
  const { usager } = await requireUsager("/mon-espace");
  const [famille, demandes] = await Promise.all([familleDuUsager(usager.id), mesDemandes(usager.id)]);
  // the Ajout de famille's state is shown only to a space without a family (DemarchesEnfance)
  const declaration = famille ? null : await etatDeclaration(usager.id);
  const now = await maintenant();
  // every child's card from one read of each kind for the whole family, not one per child
  const [sante, scolarite, reservations, inscriptions] = await Promise.all([
    etatsSante(famille?.enfants.map(({ enfant }) => enfant.id) ?? []),
    famille ? scolariteDesEnfants(famille.id) : new Map<string, { ecole: string; groupe: string }>(),
    famille ? reservationsDeLaFamille(famille.id, now) : null,
    famille ? inscriptionsDesEnfants(famille.id) : null,
  ]);
  const sansDossier = (famille?.enfants ?? []).filter(({ enfant }) => {
    const etat = sante.get(enfant.id);
    return etat && !etat.derniereMiseAJour && etat.enAttente === null;
  });
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="bonjour">
        <h1 id="bonjour" className="text-xl font-bold sm:text-2xl">
          Bonjour {usager.prenoms} {usager.nomUsage.toUpperCase()}
        </h1>
        {usager.previousLoginAt && (
          <p className="mt-1 text-stone-700">Dernière connexion le {dateHeure(usager.previousLoginAt)}</p>
        )}
      </section>
      {famille ? (
        <section className="carte" aria-labelledby="ma-famille">
          <h2 id="ma-famille" className="mb-2 text-lg font-bold uppercase">
            Ma famille
          </h2>
          <p className="mb-4 text-sm">
            Clé enfance : <strong>{famille.cleEnfance}</strong>
          </p>
          {sansDossier.length > 0 && (
            <div className="mb-4 rounded-md border-l-4 border-marque bg-orange-50 p-3">
              <p>
                <strong>ATTENTION : Ne pas oublier de compléter le dossier santé</strong>
              </p>
              <ul className="mt-1">
                {sansDossier.map(({ enfant }) => (
                  <li key={enfant.id}>
                    <Link href={`/famille/enfants/${enfant.id}/sante`} className="inline-flex min-h-11 items-center">
                      Compléter le dossier santé {de(enfant.prenoms)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ul className="grid gap-3 sm:grid-cols-2">
            {famille.enfants.map(({ enfant }) => (
              <li key={enfant.id}>
                <CarteEnfant
                  enfant={enfant}
                  {...scolarite.get(enfant.id)}
                  sante={sante.get(enfant.id)!}
                  reservations={
                    reservations?.enfants.has(enfant.id)
                      ? { lien: `/famille/enfants/${enfant.id}/reservations`, texte: reservations.texte }
                      : {
                          lien: null,
                          texte: reservations?.ouvertes
                            ? "Réservations ouvertes aux enfants dont l'inscription est acceptée"
                            : (reservations?.texte ?? "Les réservations ne sont pas encore ouvertes"),
                        }
                  }
                >
                  <InscriptionsEnfant inscriptions={inscriptions?.get(enfant.id) ?? []} prenom={enfant.prenoms} />
                </CarteEnfant>
              </li>
            ))}
          </ul>
          <LiensInscription />
          {reservations?.enfants.size ? (
            <p className="mt-3">
              <Link href="/famille/reservations" className="bouton-principal no-underline">
                Réserver pour toute la famille
              </Link>
            </p>
          ) : null}
          <p className="mt-3">
            <Link href="/factures" className="bouton-secondaire no-underline">
              Mes factures
            </Link>
          </p>
        </section>
      ) : (
        <DemarchesEnfance
          brouillon={declaration?.editable?.statut === "BROUILLON"}
          enAttente={declaration?.enAttente?.numero ?? null}
        />
      )}
      {famille && <AgendaAccueil usagerId={usager.id} now={now} />}
      <MesDemandes demandes={demandes} />
      <MesInformations />
    </div>
  );
}
