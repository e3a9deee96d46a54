// Families for the demo and the tests, typed through the wizard's own command (modifierDeclaration), as a
// parent's clicks would, so demo data is never something the application itself could not have written.
import { etatDeclaration, modifierDeclaration } from "@/lib/domain/famille/declaration";
import type { Usager } from "@/lib/generated/prisma/client";

export type Declaration = {
  titulaire: Record<string, string>;
  coRepresentant?: Record<string, string>;
  enfants: Record<string, string>[];
  contacts?: Record<string, string>[];
};

/** Types the declaration and reaches step 2; returns the draft's id. */
export async function declarerFamille(usager: Usager, declaration: Declaration): Promise<string> {
  await modifierDeclaration({
    usager,
    enregistrer: { selection: { role: "titulaire" }, values: declaration.titulaire },
    suite: { kind: "rester" },
  });
  const personnes = [
    ...(declaration.coRepresentant ? [["coRepresentant", declaration.coRepresentant] as const] : []),
    ...declaration.enfants.map((values) => ["enfant", values] as const),
    ...(declaration.contacts ?? []).map((values) => ["contact", values] as const),
  ];
  for (const [role, values] of personnes) {
    const ajout = await modifierDeclaration({ usager, suite: { kind: "ajouter", role } });
    if (ajout.kind !== "selection") throw new Error(`Ajout refusé : ${ajout.kind}`);
    await modifierDeclaration({
      usager,
      enregistrer: { selection: ajout.selection, values },
      suite: { kind: "rester" },
    });
  }
  const etape2 = await modifierDeclaration({ usager, suite: { kind: "etape2" } });
  if (etape2.kind !== "recapitulatif") throw new Error(`Déclaration incomplète : ${JSON.stringify(etape2)}`);
  const { editable } = await etatDeclaration(usager.id);
  if (!editable) throw new Error("Aucun brouillon");
  return editable.id;
}

/** The titulaire's fields as the wizard prefills them from the space, with the qualité chosen. */
export function titulaireDe(usager: Usager, qualite: string): Record<string, string> {
  return {
    civilite: usager.civilite,
    nomUsage: usager.nomUsage,
    prenom: usager.prenoms,
    adresseNumero: usager.adresseNumero ?? "",
    adresseVoie: usager.adresseVoie ?? "",
    codePostal: usager.codePostal ?? "",
    ville: usager.ville ?? "",
    pays: "FRANCE",
    telephonePortable: usager.mobile ?? "",
    courriel: usager.courriel,
    qualite,
    autoriteParentale: "oui",
  };
}
