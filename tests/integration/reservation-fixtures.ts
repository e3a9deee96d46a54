// Builders for the reservations tests: a family declared, deposited and accepted by an agent through the real
// démarches, its child enrolled in an activity (the same helpers as the demo data).
import { db } from "@/lib/db";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { inscrire } from "@/prisma/demo-reservations";
import { declarerFamille as declarer, titulaireDe } from "@/prisma/demo-familles";
import { agent, ENFANT, usagerActive } from "./demande-fixtures";

/** A family's "Ajout de famille" deposited (not yet accepted), for an activity; a co-représentant if given. */
export async function familleDeposee(
  nom: string,
  activiteId: number,
  enfants = [{ ...ENFANT, nom }],
  coRepresentant?: Record<string, string>,
) {
  const usager = await usagerActive(nom);
  const instructeur = await agent();
  const demandeId = await declarer(usager, { titulaire: titulaireDe(usager, "MERE"), coRepresentant, enfants });
  await deposerDemande({ usagerId: usager.id, demandeId, demarches: DEMARCHES });
  return { usager, instructeur, demandeId, activiteId };
}

/** A family validated by an agent (declared, deposited, accepted), its child enrolled in an activity. */
export async function familleInscrite(
  nom: string,
  activiteId: number,
  { coRepresentant }: { coRepresentant?: Record<string, string> } = {},
) {
  const f = await familleDeposee(nom, activiteId, undefined, coRepresentant);
  await deciderDemande({ demarches: DEMARCHES, agent: f.instructeur, demandeId: f.demandeId, decision: "accepter" });
  const { enfantId, familleId } = await db().familleEnfant.findFirstOrThrow({
    where: { famille: { representants: { some: { usagerId: f.usager.id } } } },
  });
  const inscriptionId = await inscrire({ usagerId: f.usager.id, enfantId, activiteId, agent: f.instructeur });
  return { ...f, enfantId, familleId, inscriptionId };
}
