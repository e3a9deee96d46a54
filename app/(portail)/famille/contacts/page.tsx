import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { requireUsager } from "@/lib/auth/current";
import { contactsDuUsager, nomComplet } from "@/lib/domain/famille/contacts";
import { valeursDe } from "@/lib/domain/famille/contacts-saisie";
import { ContactsForm } from "./ContactsForm";
import { ListeContacts } from "@/components/famille/SectionContacts";

export const metadata = { title: "Contacts et habilitations" };

// CONTACTS ET HABILITATIONS: the persons other than the representatives, and for each child whether they may
// pick it up and are to be warned; a change is a demande the agents validate (one at a time per family).
export default async function ContactsPage() {
  const { usager } = await requireUsager("/famille/contacts");
  const famille = await contactsDuUsager(usager.id);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Contacts et habilitations
      </h1>
      {!famille ? (
        <p className="mb-4">
          Votre espace n&apos;est rattaché à aucune famille :{" "}
          <Link href="/famille/declarer">déclarez votre famille</Link>.
        </p>
      ) : famille.enCours ? (
        <>
          <Alert
            kind="info"
            title={`Votre demande de contacts et habilitations N° ${famille.enCours} est en cours d'instruction.`}
          >
            <p>
              <Link href={`/demandes/${famille.enCours}`}>Suivre ma demande</Link>
            </p>
          </Alert>
          <h2 className="mt-6 mb-2 font-bold uppercase">Contacts actuels</h2>
          <ListeContacts enfants={famille.enfants} contacts={famille.contacts} />
        </>
      ) : (
        <>
          <p className="mb-4">
            Indiquez les personnes, autres que les représentants, qui peuvent venir chercher vos enfants ou être
            prévenues en cas d&apos;urgence. Votre demande est transmise aux agents de la mairie, qui la valident : elle
            s&apos;applique alors aux inscriptions de vos enfants.
          </p>
          <ContactsForm
            enfants={famille.enfants}
            personnes={famille.contacts.map((c, rang) => ({ cle: `c${rang}`, id: c.id, nom: nomComplet(c) }))}
            valeurs={Object.assign({}, ...famille.contacts.map((c, rang) => valeursDe(`c${rang}`, c)))}
          />
        </>
      )}
      <p className="mt-6">
        <Link href="/famille">Retour à Ma famille</Link>
      </p>
    </section>
  );
}
