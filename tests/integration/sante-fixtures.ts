// A family accepted with one child, a signed PAI as a parent uploads it (a small real PDF), and a child's dossier
// santé validated with it through the real flow (saved with the file, deposited, accepted by an agent given the
// access to health data): for the dossier santé's tests and the access matrix (tests/http/acces-fixtures.ts).
import { db } from "@/lib/db";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { modifierDossierSante } from "@/lib/domain/sante/dossier";
import { champVaccin } from "@/lib/domain/sante/suivi";
import { agent, declarerFamille, ENFANT, usagerActive } from "./demande-fixtures";

/** A family accepted by the agents, with one child: the parent's space and the child's id. */
export async function familleValidee(nom: string) {
  const usager = await usagerActive(nom);
  const demandeId = await declarerFamille(usager, [{ ...ENFANT, nom, prenoms: "Louise" }]);
  await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
  await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId, decision: "accepter" });
  const enfant = await db().enfant.findFirstOrThrow({
    where: { familles: { some: { famille: { demandes: { some: { id: demandeId } } } } } },
  });
  return { usager, enfantId: enfant.id };
}

/** Its bytes carry a word that must never be readable in the storage. */
export const PAI_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% PAI signe : Eczema Lactose Ventoline\ntrailer <</Root 1 0 R>>\n%%EOF\n",
);

export const fichierPai = (octets: Uint8Array = PAI_PDF, nom = "pai-signe.pdf", type = "application/pdf") =>
  new File([new Uint8Array(octets)], nom, { type });

/** Saves, deposits and has accepted a dossier santé with a DT-Polio date and the signed PAI; the demande's id. */
export async function dossierValideAvecPai(
  usagerId: string,
  enfantId: string,
  values: Record<string, string> = { [champVaccin("DT_POLIO")]: "2024-09-10", pai: "on" },
): Promise<string> {
  await modifierDossierSante({ usagerId, enfantId, values, etape2: true, document: fichierPai() });
  const demande = await db().demande.findFirstOrThrow({
    where: { usagerId, enfantId, type: "DOSSIER_SANTE", statut: "BROUILLON" },
  });
  await deposerDemande({ demarches: DEMARCHES, usagerId, demandeId: demande.id });
  const instructeur = await agent("Instructrice", { permissions: ["SANTE"] });
  await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId: demande.id, decision: "accepter" });
  return demande.id;
}
