// « Ma famille »: the family's people after its validation (representants, children, clé enfance, contacts), and
// how it changes: a child added, a co-représentant added or removed, each a démarche the agents decide. A space
// without a validated family is sent to Mon accueil, as /famille/declarer does once the family exists.
import Link from "next/link";
import { redirect } from "next/navigation";
import { SectionContacts } from "@/components/famille/SectionContacts";
import { requireUsager } from "@/lib/auth/current";
import { getCommune } from "@/lib/commune";
import { libelleDemande } from "@/lib/domain/demarches";
import { maFamille } from "@/lib/domain/famille/ma-famille";
import { CIVILITES } from "@/lib/domain/usager/schemas";
import { formatParis } from "@/lib/temps/dates";

export const metadata = { title: "Ma famille" };

const ROLES = { TITULAIRE: "Titulaire du compte", CO_REPRESENTANT: "Co-représentant" } as const;

export default async function MaFamillePage() {
  const { usager } = await requireUsager("/famille");
  const [famille, commune] = await Promise.all([maFamille(usager.id), getCommune()]);
  if (!famille) redirect("/mon-espace");
  const coRepresentant = famille.representants.find((r) => r.role === "CO_REPRESENTANT");
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-4">
          Ma famille
        </h1>
        {famille.enCours.length > 0 && (
          <ul className="mb-4 space-y-2">
            {famille.enCours.map((demande) => (
              <li key={demande.numero} className="rounded-md border-l-4 border-sky-700 bg-sky-50 p-3">
                Demande n° {demande.numero} en cours d&apos;instruction : {libelleDemande(demande)}.{" "}
                {demande.miens && (
                  <Link href={`/demandes/${demande.numero}`}>
                    Suivre ma demande<span className="sr-only"> n° {demande.numero}</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}

        <h2 id="representants" className="mb-2 text-lg font-bold uppercase">
          Représentants
        </h2>
        <ul aria-labelledby="representants" className="mb-4 space-y-2">
          {famille.representants.map((r) => (
            <li key={r.id} className="rounded-md border border-stone-300 p-3">
              <p className="font-bold">
                {CIVILITES[r.civilite]} {r.prenom} {r.nomUsage.toUpperCase()}
              </p>
              <p className="text-sm">{ROLES[r.role]}</p>
              <p className="text-sm">
                {r.usagerId
                  ? r.usagerId === usager.id
                    ? "Votre espace"
                    : "Espace rattaché à la famille"
                  : "Invitation envoyée, en attente"}
              </p>
            </li>
          ))}
        </ul>
        <ul className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {!coRepresentant && !famille.numeroEnCours.AJOUT_CO_REPRESENTANT && (
            <li>
              <Link href="/famille/co-representant/ajouter" className="bouton-secondaire no-underline">
                Ajouter un co-représentant
              </Link>
            </li>
          )}
          {coRepresentant && !famille.numeroEnCours.RETRAIT_CO_REPRESENTANT && (
            <li>
              <Link href="/famille/co-representant/retirer" className="bouton-secondaire no-underline">
                Retirer un co-représentant
              </Link>
            </li>
          )}
        </ul>
      </section>

      <section className="carte" aria-labelledby="enfants">
        <h2 id="enfants" className="mb-2 text-lg font-bold uppercase">
          Enfants
        </h2>
        <ul className="mb-4 grid gap-3 sm:grid-cols-2">
          {famille.enfants.map((enfant) => (
            <li key={enfant.id}>
              <article aria-labelledby={`enfant-${enfant.id}`} className="rounded-md border border-stone-300 p-3">
                <h3 id={`enfant-${enfant.id}`} className="font-bold">
                  {enfant.prenoms} {enfant.nom.toUpperCase()}
                </h3>
                <p className="mb-2 text-sm">Né(e) le {formatParis(enfant.dateNaissance, "dd/MM/yyyy")}</p>
                <ul className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
                  <li>
                    <Link href={`/famille/enfants/${enfant.id}/sante`} className="bouton-secondaire no-underline">
                      Dossier santé<span className="sr-only"> de {enfant.prenoms}</span>
                    </Link>
                  </li>
                  {commune.transportOperateur && (
                    <li>
                      <Link href={`/famille/enfants/${enfant.id}/transport`} className="bouton-secondaire no-underline">
                        Transport scolaire<span className="sr-only"> de {enfant.prenoms}</span>
                      </Link>
                    </li>
                  )}
                </ul>
              </article>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/famille/enfants/ajouter" className="bouton-principal no-underline">
            Ajouter un enfant
          </Link>
        </p>
      </section>

      {/* the contacts' part brings its own title (components/famille/SectionContacts.tsx) */}
      <div className="carte">
        <SectionContacts familleId={famille.id} />
      </div>

      <section className="carte" aria-labelledby="cle">
        <h2 id="cle" className="mb-2 text-lg font-bold uppercase">
          Clé enfance
        </h2>
        <p className="mb-2">
          <strong className="font-mono text-lg">{famille.cleEnfance}</strong>
        </p>
        <p className="text-sm">
          Le co-représentant de la famille la saisit dans « Modifier mon espace » pour accéder à la famille depuis son
          propre espace.
        </p>
      </section>

      <p>
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </div>
  );
}
