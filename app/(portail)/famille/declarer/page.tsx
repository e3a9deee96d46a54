import Link from "next/link";
import { redirect } from "next/navigation";
import { EnTeteDemarche } from "@/components/demande/EnTeteDemarche";
import { requireUsager } from "@/lib/auth/current";
import {
  etatDeclaration,
  ecrireSelection,
  lireSelection,
  titulaireDepuisEspace,
  valeursDe,
  type Selection,
} from "@/lib/domain/famille/declaration";
import {
  erreursDePersonne,
  lireBrouillon,
  nomDePersonne,
  type Brouillon,
  type Role,
} from "@/lib/domain/famille/schemas";
import { DeclarationForm, type EntreeListe, type Liste } from "./DeclarationForm";

export const metadata = { title: "Enfance — Ajout de famille" };

const TITRES: Record<Role, string> = {
  titulaire: "Titulaire du compte",
  coRepresentant: "Co-représentant",
  enfant: "Enfant",
  contact: "Contact",
};

export default async function DeclarerFamillePage({ searchParams }: { searchParams: Promise<{ personne?: string }> }) {
  const { usager } = await requireUsager("/famille/declarer");
  const { personne } = await searchParams;
  const etat = await etatDeclaration(usager.id);
  if (etat.familleId) redirect("/mon-espace");
  if (!etat.editable && etat.enAttente) return <EnAttente numero={etat.enAttente.numero} />;
  // Back where the parent left off: the recap when step 2 was reached.
  if (etat.editable?.etape === 2 && !personne) redirect("/famille/declarer/recapitulatif");

  const brouillon: Brouillon = etat.editable
    ? lireBrouillon(etat.editable.donnees)
    : { titulaire: titulaireDepuisEspace(usager), coRepresentant: null, enfants: [], contacts: [] };
  let selection: Selection = lireSelection(personne);
  let values = valeursDe(brouillon, selection);
  if (!values) {
    selection = { role: "titulaire" };
    values = brouillon.titulaire ?? titulaireDepuisEspace(usager);
  }
  const cle = ecrireSelection(selection);
  const rang =
    selection.role === "enfant"
      ? brouillon.enfants.findIndex((e) => e.id === selection.id)
      : brouillon.contacts.findIndex((c) => c.id === selection.id);

  return (
    <div className="carte">
      <EnTeteDemarche domaine="Enfance" titre="Ajout de famille" duree="10 mn" etape={0} />
      {etat.editable?.statut === "A_COMPLETER" && (
        <p className="mb-4 rounded-md border-l-4 border-sky-700 bg-sky-50 p-3">
          Les agents de la mairie vous ont demandé de compléter votre demande N° {etat.editable.numero}. Corrigez ce qui
          est demandé puis validez-la de nouveau.
        </p>
      )}
      <p className="mb-6">Vérifier les informations du titulaire du compte (partie centrale), modifier, compléter…</p>
      <DeclarationForm
        key={cle}
        selection={cle}
        role={selection.role}
        initial={values}
        liste={liste(brouillon)}
        titre={`${TITRES[selection.role]} — ${nomDePersonne(selection.role, values, Math.max(0, rang))}`}
      />
    </div>
  );
}

function liste(brouillon: Brouillon): Liste {
  const entree = (role: Role, selection: Selection, values: Record<string, string> | null, rang = 0): EntreeListe => ({
    selection: ecrireSelection(selection),
    nom: nomDePersonne(role, values, rang),
    incomplet: Object.keys(erreursDePersonne(role, values ?? {})).length > 0,
  });
  return {
    titulaire: entree("titulaire", { role: "titulaire" }, brouillon.titulaire),
    coRepresentant: brouillon.coRepresentant
      ? entree("coRepresentant", { role: "coRepresentant" }, brouillon.coRepresentant)
      : null,
    enfants: brouillon.enfants.map((enfant, rang) => entree("enfant", { role: "enfant", id: enfant.id }, enfant, rang)),
    contacts: brouillon.contacts.map((contact, rang) =>
      entree("contact", { role: "contact", id: contact.id }, contact, rang),
    ),
  };
}

function EnAttente({ numero }: { numero: number | null }) {
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Enfance — Ajout de famille
      </h1>
      <p className="mb-6">
        Votre demande d&apos;ajout de famille N° {numero} est en cours de traitement par les agents de la mairie. Vous
        serez informé par courriel de leur décision.
      </p>
      <Link href={`/demandes/${numero}`} className="bouton-principal no-underline">
        Suivre ma demande N° {numero}
      </Link>
    </section>
  );
}
