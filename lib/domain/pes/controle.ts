// The check before a PES file leaves the portal: every mandatory value present, in its format and length (the
// DGFiP's reception rejects a whole file for one bad value). Each problem is said in French, with where to fix it.
import { siretValide } from "@/lib/domain/pes/cles";
import { latin1 } from "@/lib/domain/pes/format";
import type { BordereauModele, PiecePes } from "@/lib/domain/pes/modele";

const JOUR = /^\d{4}-\d{2}-\d{2}$/;
const PARAMETRES = "renseignez-le dans Paramètres PES.";

function parametres(m: BordereauModele): string[] {
  const p = m.parametres;
  const raisons: string[] = [];
  const exiger = (valeur: string, format: RegExp, manque: string, invalide: string) => {
    if (valeur === "") raisons.push(`${manque} manque : ${PARAMETRES}`);
    else if (!format.test(valeur)) raisons.push(`${invalide} : corrigez-le dans Paramètres PES.`);
  };
  exiger(
    p.idPost,
    /^[0-9A-Z]{7}$/,
    "Le poste comptable (IdPost)",
    "Le poste comptable (IdPost) doit compter 7 caractères",
  );
  exiger(p.siret, /^\d{14}$/, "Le SIRET de la commune", "Le SIRET de la commune doit compter 14 chiffres");
  if (/^\d{14}$/.test(p.siret) && !siretValide(p.siret)) {
    raisons.push("Le SIRET de la commune n'est pas valide (clé de contrôle) : corrigez-le dans Paramètres PES.");
  }
  exiger(
    p.codCol,
    /^[0-9A-Z]{3}$/,
    "Le code collectivité (CodCol)",
    "Le code collectivité (CodCol) doit compter 3 caractères",
  );
  exiger(
    p.codBud,
    /^[0-9A-Z]{1,10}$/,
    "Le code budget (CodBud)",
    "Le code budget (CodBud) compte 10 caractères au plus",
  );
  exiger(p.typBord, /^\d{2}$/, "Le type de bordereau (TypBord)", "Le type de bordereau (TypBord) compte 2 chiffres");
  exiger(p.typPce, /^\d{2}$/, "Le type de pièce (TypPce)", "Le type de pièce (TypPce) compte 2 chiffres");
  exiger(p.natPce, /^\d{2}$/, "La nature de pièce (NatPce)", "La nature de pièce (NatPce) compte 2 chiffres");
  exiger(p.nature, /^[0-9A-Z]{1,10}$/, "L'imputation (Nature)", "L'imputation (Nature) compte 10 caractères au plus");
  exiger(
    p.codProdLoc,
    /^[0-9A-Z]{1,4}$/,
    "Le code produit local (CodProdLoc)",
    "Le code produit local (CodProdLoc) compte 4 caractères au plus",
  );
  return raisons;
}

function piece(m: BordereauModele, p: PiecePes): string[] {
  const raisons: string[] = [];
  const quoi = p.reduction ? `L'avoir ${p.numero}` : `La facture ${p.numero}`;
  const t = p.tiers;
  if (latin1(t.nom) === "")
    raisons.push(`${quoi} n'a pas de nom de redevable : corrigez l'identité du titulaire de la famille.`);
  if (latin1(t.adresse) === "" || !/^\d{5}$/.test(t.codePostal) || latin1(t.ville) === "") {
    raisons.push(
      `${quoi} n'a pas d'adresse complète (voie, code postal à 5 chiffres, ville) : corrigez l'adresse du titulaire de la famille.`,
    );
  }
  if (p.lignes.length === 0 || p.lignes.some((l) => l.montantCentimes <= 0)) {
    raisons.push(`${quoi} n'a pas de ligne d'un montant positif.`);
  }
  if (p.numDette !== null && !/^\d{1,13}$/.test(p.numDette)) raisons.push(`${quoi} a un numéro de dette invalide.`);
  for (const l of p.lignes) {
    const prel = l.prelevement;
    if (!prel) continue;
    if (!JOUR.test(prel.date) || !JOUR.test(prel.dateSignature) || prel.rum === "" || prel.rum.length > 35) {
      raisons.push(`${quoi} a un prélèvement incomplet (date, date de signature ou référence du mandat).`);
      break;
    }
  }
  if (t.compte && (t.compte.iban === "" || latin1(t.compte.titulaire) === "")) {
    raisons.push(`${quoi} a un compte à débiter incomplet (IBAN ou titulaire) : voyez le mandat de la famille.`);
  }
  return raisons;
}

/** The reasons the file is refused, in French; empty: the file may leave. */
export function controlerBordereau(m: BordereauModele): string[] {
  const raisons = parametres(m);
  if (m.nomFichier.length > 100) raisons.push("Le nom du fichier dépasse 100 caractères.");
  if (!JOUR.test(m.date)) raisons.push("La date du bordereau est invalide.");
  if (m.pieces.length === 0) raisons.push("Le bordereau n'a aucune pièce.");
  for (const p of m.pieces) raisons.push(...piece(m, p));
  return raisons;
}
