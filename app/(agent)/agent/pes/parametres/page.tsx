import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { parametresPes } from "@/lib/domain/pes/parametres";
import { modifierParametresPesAction } from "../actions";

export const metadata = { title: "Paramètres PES" };

// Administrators: the commune's accounting codes written in every PES file, each explained; the comptable public
// confirms them before the first file is sent.
export default async function ParametresPesPage() {
  await requireAgent("ADMIN");
  const p = await parametresPes();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Paramètres PES
      </h1>
      <p className="mb-2">
        Ces codes sont écrits dans chaque fichier PES envoyé au comptable public.{" "}
        <strong>Le comptable public de la commune confirme ces valeurs</strong> avant le premier envoi : les valeurs
        proposées sont les plus courantes, pas forcément celles de votre commune. Un fichier n&apos;est pas
        téléchargeable tant qu&apos;une valeur obligatoire manque.
      </p>
      <p className="mb-4">
        <Link href="/agent/pes">Retour aux titres de recettes</Link>
      </p>
      <ActionForm
        action={modifierParametresPesAction}
        bouton="Enregistrer les paramètres PES"
        champs={[
          {
            kind: "texte",
            name: "idPost",
            label: "Poste comptable (IdPost)",
            hint: "7 caractères : le code de la trésorerie qui tient les comptes de la commune.",
            autoComplete: "off",
          },
          {
            kind: "texte",
            name: "siret",
            label: "SIRET de la commune (IdColl)",
            hint: "14 chiffres, vérifiés par leur clé de contrôle.",
            inputMode: "numeric",
            autoComplete: "off",
          },
          {
            kind: "texte",
            name: "codCol",
            label: "Code collectivité (CodCol)",
            hint: "3 caractères, donnés par le comptable.",
            autoComplete: "off",
          },
          {
            kind: "texte",
            name: "codBud",
            label: "Code budget (CodBud)",
            hint: "10 caractères au plus : le budget qui reçoit ces recettes (budget principal en général).",
            autoComplete: "off",
          },
          {
            kind: "texte",
            name: "typBord",
            label: "Type de bordereau (TypBord)",
            required: true,
            hint: "2 chiffres ; 06 par défaut (bordereau de titres ORMC).",
          },
          {
            kind: "texte",
            name: "typPce",
            label: "Type de pièce (TypPce)",
            required: true,
            hint: "2 chiffres ; 15 par défaut. Un avoir part en titre de réduction (type 03).",
          },
          {
            kind: "texte",
            name: "natPce",
            label: "Nature de pièce (NatPce)",
            required: true,
            hint: "2 chiffres ; 01 par défaut.",
          },
          {
            kind: "texte",
            name: "nature",
            label: "Imputation (Nature)",
            required: true,
            hint: "Le compte de recettes de chaque ligne ; 7067 par défaut (redevances des services périscolaires).",
          },
          {
            kind: "texte",
            name: "codProdLoc",
            label: "Code produit local (CodProdLoc)",
            hint: "4 caractères au plus, donnés par le comptable.",
            autoComplete: "off",
          },
        ]}
        valeurs={{
          idPost: p.idPost,
          siret: p.siret,
          codCol: p.codCol,
          codBud: p.codBud,
          typBord: p.typBord,
          typPce: p.typPce,
          natPce: p.natPce,
          nature: p.nature,
          codProdLoc: p.codProdLoc,
        }}
      />
    </section>
  );
}
