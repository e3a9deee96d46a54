// "Mme ETCHART": how every mail greets a person, from the civility and the name in use.
import type { Civilite } from "@/lib/generated/prisma/enums";

export function salutation(personne: { civilite: Civilite; nomUsage: string }): string {
  return `${personne.civilite === "MADAME" ? "Mme" : "M."} ${personne.nomUsage.toUpperCase()}`;
}
