import Link from "next/link";
import { AgendaAccueil } from "@/components/accueil/AgendaAccueil";
import { actionsDesEnfants, AFaire } from "@/components/accueil/AFaire";
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
import { agendaDeMonAccueil } from "@/lib/domain/agenda/queries";
import { clotureEnClair, prochaineCloture } from "@/lib/domain/agenda/cloture";
import { aFaireDeLaFamille } from "@/lib/domain/famille/a-faire";

export const metadata = { title: "Mon accueil" };

export default async function MonAccueilPage() {
  const { usager } = await requireUsager("/mon-espace");
  const [famille, demandes] = await Promise.all([familleDuUsager(usager.id), mesDemandes(usager.id)]);
  // the Ajout de famille's state is shown only to a space without a family (DemarchesEnfance)
  const declaration = famille ? null : await etatDeclaration(usager.id);
  const now = await maintenant();
  // every child's card from one read of each kind for the whole family, not one per child
  const [sante, scolarite, reservations, inscriptions, agenda, aFaire] = await Promise.all([
    etatsSante(famille?.enfants.map(({ enfant }) => enfant.id) ?? []),
    famille ? scolariteDesEnfants(famille.id) : new Map<string, { ecole: string; groupe: string }>(),
    famille ? reservationsDeLaFamille(famille.id, now) : null,
    famille ? inscriptionsDesEnfants(famille.id) : null,
    // read once for « À faire »'s next cutoff and the block « Mes réservations à venir »; the reminder's opt-in is
    // the session's own read of the space
    famille ? agendaDeMonAccueil({ familleId: famille.id, rappelCloture: usager.rappelCloture }, now) : null,
    famille ? aFaireDeLaFamille(famille.id, usager.id, now) : null,
  ]);
  const sansDossier = (famille?.enfants ?? []).filter(({ enfant }) => {
    const etat = sante.get(enfant.id);
    return etat && !etat.derniereMiseAJour && etat.enAttente === null;
  });
  const cloture = agenda?.services.length ? prochaineCloture(agenda.services, now) : null;
  const aCompleter = new Map(
    [...(inscriptions ?? [])].map(([enfantId, liste]) => [enfantId, liste.filter((i) => i.statut === "A_COMPLETER")]),
  );
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="bonjour">
        <h1 id="bonjour" className="text-xl font-bold sm:text-2xl">
          Bonjour {usager.prenoms} {usager.nomUsage.toUpperCase()}
        </h1>
        {usager.previousLoginAt && (
          <p className="mt-1 text-sm text-stone-700">Dernière connexion le {dateHeure(usager.previousLoginAt)}</p>
        )}
      </section>
      {famille && aFaire && (
        <AFaire
          resteCentimes={aFaire.resteCentimes}
          cloture={cloture && clotureEnClair(cloture, now)}
          actions={actionsDesEnfants(
            famille.enfants.map(({ enfant }) => enfant),
            {
              sansDossier: new Set(sansDossier.map(({ enfant }) => enfant.id)),
              absences: aFaire.absencesAJustifier,
              aCompleter,
            },
          )}
        />
      )}
      {famille ? (
        <section className="carte" aria-labelledby="ma-famille">
          <h2 id="ma-famille" className="mb-2 text-lg font-bold uppercase">
            Ma famille
          </h2>
          <p className="mb-2 text-sm">
            Clé enfance : <strong>{famille.cleEnfance}</strong>
          </p>
          <p className="mb-4">
            <Link href="/famille" className="inline-flex min-h-11 items-center">
              Gérer ma famille : enfants, co-représentant, contacts
            </Link>
          </p>
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
      {famille && <AgendaAccueil agenda={agenda} now={now} />}
      <MesDemandes demandes={demandes} />
      <MesInformations />
    </div>
  );
}
