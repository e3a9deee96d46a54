import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { dateHeure } from "@/lib/temps/dates";
import { MOTIFS_ABSENCE } from "@/lib/domain/absence/demarche";
import { RETRO_JOURS } from "@/lib/domain/absence/declarer";
import { pageAbsences } from "@/lib/domain/absence/queries";
import { maintenant } from "@/lib/web/horloge";
import { ajouterJours } from "@/lib/temps/jours";
import { ajouterJustificatifAction, declarerAbsenceAction, maladeCeMatinAction } from "./actions";
import { JustificatifForm, JustifierAbsenceForm, MaladeCeMatinForm } from "./AbsenceForms";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Justifier une absence" };

// JUSTIFIER UNE ABSENCE: « Malade ce matin » until the commune's hour, a declaration for one day or a range,
// and the child's absences with their state and the justificatif still to send.
export default async function AbsencesPage({ params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const { usager } = await requireUsager(`/famille/enfants/${enfantId}/absences`);
  const now = await maintenant();
  const donnees = await pageAbsences({ usagerId: usager.id, enfantId, now });
  if (!donnees) notFound();
  const { enfant, malade, absences, delaiHeures, aujourdhui } = donnees;
  return (
    <div className="carte space-y-6">
      <div>
        <h1 className="titre-page mb-1">Justifier une absence</h1>
        <p className="text-lg font-semibold">{enfant.prenoms}</p>
      </div>

      <section aria-labelledby="malade" className="rounded-md border border-stone-300 p-3">
        <h2 id="malade" className="mb-2 text-lg font-bold">
          Malade ce matin
        </h2>
        {malade.ouvert ? (
          <>
            <p className="mb-3">
              Jusqu&apos;à {malade.heure}, annulez le repas et la garderie d&apos;aujourd&apos;hui pour maladie ; le
              certificat médical pourra suivre dans les {delaiHeures} heures.
            </p>
            <MaladeCeMatinForm action={maladeCeMatinAction.bind(null, enfant.id)} prenom={enfant.prenoms} />
          </>
        ) : (
          <>
            <button
              type="button"
              aria-disabled="true"
              aria-describedby="malade-ferme"
              className="bouton-secondaire cursor-not-allowed opacity-70"
            >
              Malade ce matin : plus possible après {malade.heure}
            </button>
            <p id="malade-ferme" className="mt-2">
              {malade.message}
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="declarer" className="rounded-md border border-stone-300 p-3">
        <h2 id="declarer" className="mb-2 text-lg font-bold">
          Déclarer une absence
        </h2>
        <p className="mb-3 text-sm">
          Seuls les jours réservés {de(enfant.prenoms)} sont concernés. Sans justificatif dans les {delaiHeures} heures,
          l&apos;absence est considérée comme injustifiée et les jours sont facturés.
        </p>
        <JustifierAbsenceForm
          action={declarerAbsenceAction.bind(null, enfant.id)}
          motifs={MOTIFS_ABSENCE}
          min={ajouterJours(aujourdhui, -RETRO_JOURS)}
        />
      </section>

      <section aria-labelledby="absences">
        <h2 id="absences" className="mb-2 text-lg font-bold">
          Absences {de(enfant.prenoms)}
        </h2>
        {absences.length === 0 ? (
          <p>Aucune absence déclarée.</p>
        ) : (
          <ul className="space-y-3">
            {absences.map((a) => (
              <li key={a.numero} className="rounded-md border border-stone-300 p-3">
                <p className="font-semibold">
                  <Link href={`/demandes/${a.numero}`}>Demande N° {a.numero}</Link> — {a.periode}
                </p>
                <p className="text-sm">
                  {a.motif} · {a.jours} · {a.statut}
                </p>
                {a.justificatifRecuLe ? (
                  <p className="text-sm">Justificatif reçu le {dateHeure(a.justificatifRecuLe)}.</p>
                ) : a.aJustifier ? (
                  <p className="text-sm">Justificatif à envoyer avant le {dateHeure(a.justificatifAvant)}.</p>
                ) : (
                  <p className="text-sm">Aucun justificatif reçu.</p>
                )}
                <JustificatifForm
                  action={ajouterJustificatifAction.bind(null, enfant.id)}
                  numero={a.numero}
                  aJustifier={a.aJustifier}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link href="/mon-espace">Retour à Mon accueil</Link>
      </p>
    </div>
  );
}
