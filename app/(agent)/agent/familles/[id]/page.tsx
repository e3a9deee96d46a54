// La fiche famille: everything an agent needs about one family on one screen, and a way to correct each person.
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { BadgeStatut } from "@/components/demande/BadgeStatut";
import { requireAgent } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { DEMARCHES } from "@/lib/domain/demarches";
import { ficheFamille } from "@/lib/domain/famille/queries-agent";
import { MODALITES_CONTACT, qualiteLibelle, SEXES } from "@/lib/domain/famille/schemas";
import { CIVILITES } from "@/lib/domain/usager/schemas";
import type { Adresse } from "@/lib/generated/prisma/client";
import { QuotientCaf } from "./quotient/QuotientCaf";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Fiche famille" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ corrige?: string }> };

const jour = (date: Date) => formatParis(date, "dd/MM/yyyy");

function adresseTexte(adresse: Adresse | null): string {
  if (!adresse) return "";
  const details = [
    adresse.batiment && `Bât. ${adresse.batiment}`,
    adresse.appartement && `Appt ${adresse.appartement}`,
    adresse.complement,
  ]
    .filter(Boolean)
    .join(", ");
  return [
    [adresse.numero, adresse.voie].filter(Boolean).join(" "),
    details,
    `${adresse.codePostal} ${adresse.ville} / ${adresse.pays}`,
  ]
    .filter(Boolean)
    .join(" — ");
}

function Ligne({ terme, children }: { terme: string; children?: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-stone-200 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="font-semibold">{terme}</dt>
      <dd className="break-words">{children || "—"}</dd>
    </div>
  );
}

/** One person: a heading, the link to correct them, their fields. */
function Personne({
  id,
  titre,
  corriger,
  children,
}: {
  id: string;
  titre: string;
  corriger: string;
  children: ReactNode;
}) {
  return (
    <article id={id} aria-labelledby={`${id}-titre`} className="mb-6">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 bg-stone-100 px-3 py-2">
        <h3 id={`${id}-titre`} className="font-bold uppercase">
          {titre}
        </h3>
        <Link href={corriger} className="bouton-secondaire no-underline">
          Corriger<span className="sr-only"> : {titre}</span>
        </Link>
      </div>
      <dl>{children}</dl>
    </article>
  );
}

function Bloc({ id, titre, children }: { id: string; titre: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="carte mb-6">
      <h2 id={id} className="mb-4 text-lg font-bold uppercase text-marque-fonce">
        {titre}
      </h2>
      {children}
    </section>
  );
}

type Fiche = NonNullable<Awaited<ReturnType<typeof ficheFamille>>>;

function BlocEnfants({ famille, corriger }: { famille: Fiche; corriger: (cible: string) => string }) {
  return (
    <Bloc id="enfants" titre="Enfants">
      {famille.enfants.length === 0 && <p>Aucun enfant.</p>}
      {famille.enfants.map(({ enfant }) => (
        <Personne
          key={enfant.id}
          id={`enfant-${enfant.id}`}
          titre={`${enfant.prenoms} ${enfant.nom.toUpperCase()}`}
          corriger={corriger(`enfant-${enfant.id}`)}
        >
          <Ligne terme="Sexe">{SEXES[enfant.sexe]}</Ligne>
          <Ligne terme="Date de naissance">{jour(enfant.dateNaissance)}</Ligne>
          <Ligne terme="Lieu de naissance">{enfant.lieuNaissance}</Ligne>
          <Ligne terme="Adresse">
            {enfant.adresse ? adresseTexte(enfant.adresse) : "Celle du titulaire du compte"}
          </Ligne>
          <Ligne terme="Dossier santé">
            <Link href={`/agent/familles/${famille.id}/enfants/${enfant.id}/sante`}>
              Consulter le dossier santé<span className="sr-only"> {de(enfant.prenoms)}</span>
            </Link>
          </Ligne>
          <Ligne terme="Réservations">
            <Link href={`/agent/reservations/${famille.id}/${enfant.id}`}>
              Gérer les réservations<span className="sr-only"> {de(enfant.prenoms)}</span>
            </Link>
          </Ligne>
          {enfant.familles.length > 0 && (
            <Ligne terme="Garde alternée">
              {enfant.familles.map(({ famille: autre }) => {
                const t = autre.representants[0];
                return (
                  <span key={autre.id} className="block">
                    Aussi dans la{" "}
                    <Link href={`/agent/familles/${autre.id}`}>
                      famille {t ? `${t.nomUsage.toUpperCase()} ${t.prenom}` : autre.cleEnfance}
                    </Link>{" "}
                    (clé enfance {autre.cleEnfance})
                  </span>
                );
              })}
            </Ligne>
          )}
        </Personne>
      ))}
    </Bloc>
  );
}

/** The family's demandes, and the pieces joined to their échanges. */
function DemandesEtDocuments({
  famille,
  documents,
}: {
  famille: Fiche;
  documents: (Fiche["demandes"][number]["messages"][number] & { numero: number | null })[];
}) {
  return (
    <>
      <Bloc id="demandes" titre="Demandes">
        {famille.demandes.length === 0 ? (
          <p>Aucune demande.</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {famille.demandes.map((demande) => (
              <li key={demande.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Link href={`/agent/demandes/${demande.numero}`} className="font-semibold">
                    N° {demande.numero} — {DEMARCHES[demande.type].libelle}
                  </Link>
                  {demande.deposeeAt && <p className="text-sm">Déposée le {jour(demande.deposeeAt)}</p>}
                </div>
                <BadgeStatut statut={demande.statut} />
              </li>
            ))}
          </ul>
        )}
      </Bloc>

      <Bloc id="documents" titre="Documents">
        {documents.length === 0 ? (
          <p>Aucun document joint aux échanges.</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {documents.map((document) => (
              <li key={document.id} className="py-3">
                <a
                  href={`/api/messages/${document.id}/piece`}
                  target="_blank"
                  rel="noopener"
                  className="font-semibold break-all"
                >
                  {document.pieceNom}
                  <span className="sr-only"> (s&apos;ouvre dans un nouvel onglet)</span>
                </a>
                <p className="text-sm">
                  Demande N° {document.numero}, {document.auteur === "AGENT" ? "envoyé par" : "reçu de"}{" "}
                  {document.auteurNom} le {jour(document.createdAt)}
                  {document.interne ? " (note interne)" : ""}
                  {document.pieceTaille ? `, ${Math.max(1, Math.round(document.pieceTaille / 1024))} Ko` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Bloc>
    </>
  );
}

export default async function FicheFamillePage({ params, searchParams }: Props) {
  const { agent } = await requireAgent();
  const { id } = await params;
  const { corrige } = await searchParams;
  const famille = await ficheFamille(id);
  if (!famille) notFound();
  const titulaire = famille.representants.find((r) => r.role === "TITULAIRE");
  const corriger = (cible: string) => `/agent/familles/${famille.id}/corriger/${cible}`;
  const documents = famille.demandes.flatMap((demande) =>
    demande.messages.map((message) => ({ ...message, numero: demande.numero })),
  );
  const nbCorriges = Number(corrige);

  return (
    <div>
      <p className="mb-4">
        <Link href="/agent/familles">Retour à la liste des familles</Link>
      </p>
      <div className="carte mb-6">
        <h1 className="titre-page mb-2">
          Famille {titulaire ? `${titulaire.nomUsage.toUpperCase()} ${titulaire.prenom}` : ""}
        </h1>
        <p>
          Clé enfance <span className="font-mono font-semibold">{famille.cleEnfance}</span> — validée le{" "}
          {jour(famille.createdAt)}
        </p>
        <p className="mt-2">
          <Link href={`/agent/facturation/familles/${famille.id}`}>Facturation : quotient familial et factures</Link>
        </p>
        <QuotientCaf familleId={famille.id} />
        {agent.role === "ADMIN" && (
          <p className="mt-2">
            <Link href={`/agent/journal?${new URLSearchParams({ famille: famille.cleEnfance })}`}>
              Journal de cette famille
            </Link>
          </p>
        )}
      </div>
      {corrige !== undefined && Number.isInteger(nbCorriges) && (
        <Alert
          kind="succes"
          title={
            nbCorriges === 0
              ? "Aucune information n'a changé."
              : `La correction est enregistrée (${nbCorriges === 1 ? "1 champ" : `${nbCorriges} champs`}). La famille en est informée par courriel.`
          }
        />
      )}

      <Bloc id="representants" titre="Représentants">
        {famille.representants.map((r) => (
          <Personne
            key={r.id}
            id={`representant-${r.id}`}
            titre={`${r.role === "TITULAIRE" ? "Titulaire du compte" : "Co-représentant"} : ${r.prenom} ${r.nomUsage.toUpperCase()}`}
            corriger={corriger(`representant-${r.id}`)}
          >
            <Ligne terme="Qualité">{qualiteLibelle(r.qualite, r.autoriteParentale)}</Ligne>
            <Ligne terme="Espace personnel">
              {r.usager ? `Lié (identifiant ${r.usager.identifiant}, ${r.usager.courriel})` : "Non lié"}
            </Ligne>
            <Ligne terme="Civilité">{CIVILITES[r.civilite]}</Ligne>
            <Ligne terme="Nom de famille">{r.nomFamille}</Ligne>
            <Ligne terme="Date de naissance">{r.dateNaissance ? jour(r.dateNaissance) : ""}</Ligne>
            <Ligne terme="Adresse">{adresseTexte(r.adresse)}</Ligne>
            <Ligne terme="Téléphone domicile">{r.telephoneDomicile}</Ligne>
            <Ligne terme="Téléphone portable">{r.telephonePortable}</Ligne>
            <Ligne terme="Téléphone professionnel">{r.telephonePro}</Ligne>
            <Ligne terme="Courriel">{r.courriel}</Ligne>
            <Ligne terme="Profession">{[r.profession, r.employeur].filter(Boolean).join(", ")}</Ligne>
            <Ligne terme="Modalité de contact">
              {r.modaliteContact ? MODALITES_CONTACT[r.modaliteContact as keyof typeof MODALITES_CONTACT] : ""}
            </Ligne>
          </Personne>
        ))}
      </Bloc>

      <BlocEnfants famille={famille} corriger={corriger} />

      <Bloc id="contacts" titre="Contacts">
        {famille.contacts.length === 0 && <p>Aucun contact.</p>}
        {famille.contacts.map((c) => (
          <Personne
            key={c.id}
            id={`contact-${c.id}`}
            titre={`${c.prenom} ${c.nom.toUpperCase()}`}
            corriger={corriger(`contact-${c.id}`)}
          >
            <Ligne terme="Lien avec l'enfant">{c.lien}</Ligne>
            <Ligne terme="Téléphone portable">{c.telephonePortable}</Ligne>
            <Ligne terme="Téléphone domicile">{c.telephoneDomicile}</Ligne>
            <Ligne terme="À prévenir en cas d'urgence">{c.aPrevenir ? "Oui" : "Non"}</Ligne>
            <Ligne terme="Autorisé(e) à venir chercher l'enfant">{c.autoriseRecuperer ? "Oui" : "Non"}</Ligne>
          </Personne>
        ))}
      </Bloc>

      <DemandesEtDocuments famille={famille} documents={documents} />
    </div>
  );
}
