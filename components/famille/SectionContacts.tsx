// Ma famille's « Contacts et habilitations »: each person other than the representatives, in short (name,
// relation, phone, and per child « peut venir chercher » or « interdit », « à prévenir »), then the link to change
// them, or the demande already in progress. A server component: the family page gives its family's id.
import Link from "next/link";
import { nomComplet, sectionContacts, telephones, type ContactsFamille } from "@/lib/domain/famille/contacts";

/** The list in short, per person then per child (also on the page « Contacts et habilitations »). */
export function ListeContacts({ enfants, contacts }: ContactsFamille) {
  if (contacts.length === 0) return <p className="mb-2">Aucune personne autre que les représentants.</p>;
  return (
    <ul className="mb-2 space-y-2">
      {contacts.map((c) => (
        <li key={c.id}>
          <span className="font-semibold">{nomComplet(c)}</span> ({c.lien}) — {telephones(c)}
          <ul className="ml-4 list-disc pl-4 text-sm">
            {enfants.map((e) => {
              const r = c.enfants[e.id];
              return (
                <li key={e.id}>
                  {e.prenoms} : {r?.autoriseRecuperer ? "peut venir chercher" : "interdit de venir chercher"}
                  {r?.aPrevenir ? ", à prévenir en cas d'urgence" : ""}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export async function SectionContacts({ familleId }: { familleId: string }) {
  const { enCours, ...famille } = await sectionContacts(familleId);
  return (
    <section aria-labelledby="contacts-famille" className="mb-6">
      <h2 id="contacts-famille" className="mb-2 text-lg font-bold uppercase">
        Contacts et habilitations
      </h2>
      <ListeContacts {...famille} />
      {enCours ? (
        <p>
          Votre demande de contacts et habilitations <Link href={`/demandes/${enCours}`}>N° {enCours}</Link> est en
          cours d&apos;instruction.
        </p>
      ) : (
        <p>
          <Link href="/famille/contacts">Contacts et habilitations</Link>
        </p>
      )}
    </section>
  );
}
