import { requireUsager } from "@/lib/auth/current";
import { dateHeure, formatParis } from "@/lib/temps/dates";
import { CIVILITES, MOYENS_CONTACT } from "@/lib/domain/usager/schemas";
import { familleDuUsager } from "@/lib/domain/famille/queries";
import Link from "next/link";
import { MesInformations } from "@/components/layout/MesInformations";
import { SimpleForm } from "@/components/ui/SimpleForm";
import { FranceConnectDuProfil } from "@/components/franceconnect/FranceConnectDuProfil";
import { appareilsMemorises } from "@/lib/auth/appareils";
import { saisirCleEnfanceAction } from "./actions";
import { AppareilsMemorises } from "./appareils/AppareilsMemorises";

export const metadata = { title: "Mon profil" };

export default async function MonProfilPage({ searchParams }: { searchParams: Promise<{ oubli?: string }> }) {
  const { usager: u, session } = await requireUsager("/mon-profil");
  const [famille, appareils, { oubli }] = await Promise.all([
    familleDuUsager(u.id),
    appareilsMemorises(u.id, session.id),
    searchParams,
  ]);
  const adresse = [
    [u.adresseNumero, u.adresseVoie].filter(Boolean).join(" "),
    u.adresseComplement,
    [u.codePostal, u.ville].filter(Boolean).join(" "),
    u.pays,
  ]
    .filter(Boolean)
    .join(", ");
  const lignes: [string, string | null | undefined][] = [
    ["Identifiant", u.identifiant],
    ["Civilité", CIVILITES[u.civilite]],
    ["Nom usuel", u.nomUsage],
    ["Nom de naissance", u.nomNaissance],
    ["Prénom(s)", u.prenoms],
    ["Date de naissance", u.dateNaissance ? formatParis(u.dateNaissance, "dd/MM/yyyy") : null],
    ["Lieu de naissance", [u.communeNaissance, u.departementNaissance, u.paysNaissance].filter(Boolean).join(", ")],
    ["Adresse", adresse],
    ["Téléphone", u.telephone],
    ["Mobile", u.mobile],
    ["Courriel", u.courriel],
    ["Moyen de contact préféré", u.moyenContactPrefere ? MOYENS_CONTACT[u.moyenContactPrefere] : null],
    ["Conditions générales d'utilisation", `version ${u.cguVersion}, acceptée le ${dateHeure(u.cguAcceptedAt)}`],
  ];
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-4">
          Mon profil
        </h1>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[16rem_1fr]">
          {lignes.map(([terme, valeur]) => (
            <div key={terme} className="contents">
              <dt className="font-semibold">{terme}</dt>
              <dd className="mb-2 sm:mb-0">{valeur || <span className="text-stone-600">Non renseigné</span>}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="carte" aria-labelledby="modifier">
        <h2 id="modifier" className="mb-4 text-lg font-bold uppercase">
          Modifier mon espace
        </h2>
        <ul className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          <li>
            <Link href="/mon-profil/identite" className="bouton-secondaire no-underline">
              Modifier mon identité
            </Link>
          </li>
          <li>
            <Link href="/mon-profil/mot-de-passe" className="bouton-secondaire no-underline">
              Changer mon mot de passe
            </Link>
          </li>
          <li>
            <Link href="/mon-profil/supprimer" className="bouton-discret no-underline">
              Supprimer mon espace
            </Link>
          </li>
        </ul>
      </section>
      <AppareilsMemorises appareils={appareils} oubli={oubli} />
      <FranceConnectDuProfil associe={Boolean(u.franceconnectSub)} avecMotDePasse={Boolean(u.passwordHash)} />
      <MesInformations avecProfil={false} />
      <section className="carte" aria-labelledby="cle-enfance">
        <h2 id="cle-enfance" className="mb-2 text-lg font-bold uppercase">
          Clé enfance
        </h2>
        {famille ? (
          <p>
            Votre espace est rattaché à la famille de clé enfance <strong>{famille.cleEnfance}</strong>.
          </p>
        ) : (
          <>
            <p className="mb-4">
              La clé enfance fait le lien entre votre espace et votre famille. Elle figure dans le courriel de
              validation de la famille reçu par le titulaire du compte. Si vous êtes le co-représentant déclaré, votre
              espace est rattaché aussitôt ; sinon votre demande est transmise aux agents de la mairie.
            </p>
            <SimpleForm
              action={saisirCleEnfanceAction}
              bouton="Rattacher mon espace"
              field={{
                name: "cleEnfance",
                label: "Clé Enfance",
                autoComplete: "off",
                hint: "8 caractères, par exemple K7M4-QX9P.",
              }}
            />
          </>
        )}
      </section>
    </div>
  );
}
