// The registry of démarches: every TypeDemande with its definition, each written beside its aggregate. It sits
// outside the engine (lib/domain/demande/), which receives it from its callers: the engine imports no aggregate,
// and `Demarches` makes TypeScript refuse a type without its definition, its data's version or its recap.
import { DEMARCHE_ABSENCE } from "@/lib/domain/absence/demarche";
import {
  intituleDemande,
  verifierVersion,
  type Demarches,
  type Reprise,
  type SectionRecap,
} from "@/lib/domain/demande/demarche";
import { DEMARCHE_AJOUT_CO_REPRESENTANT } from "@/lib/domain/famille/demarche-ajout-co-representant";
import { DEMARCHE_AJOUT_ENFANT } from "@/lib/domain/famille/demarche-ajout-enfant";
import { DEMARCHE_AJOUT_FAMILLE } from "@/lib/domain/famille/demarche-ajout-famille";
import { DEMARCHE_CHANGEMENT_ADRESSE } from "@/lib/domain/famille/demarche-changement-adresse";
import { DEMARCHE_CONTACTS_HABILITATIONS } from "@/lib/domain/famille/demarche-contacts";
import { DEMARCHE_RATTACHEMENT } from "@/lib/domain/famille/demarche-rattachement";
import { DEMARCHE_RETRAIT_CO_REPRESENTANT } from "@/lib/domain/famille/demarche-retrait-co-representant";
import { DEMARCHE_INSCRIPTION } from "@/lib/domain/inscription/demarche";
import { DEMARCHE_DOSSIER_SANTE } from "@/lib/domain/sante/demarche";
import { DEMARCHE_TRANSPORT_SCOLAIRE } from "@/lib/domain/transport/demarche";
import { DEMARCHE_SUPPRESSION_ESPACE } from "@/lib/domain/usager/demarche-suppression-espace";
import type { Demande, TypeDemande } from "@/lib/generated/prisma/client";

export const DEMARCHES: Demarches = {
  AJOUT_FAMILLE: DEMARCHE_AJOUT_FAMILLE,
  RATTACHEMENT_FAMILLE: DEMARCHE_RATTACHEMENT,
  INSCRIPTION: DEMARCHE_INSCRIPTION,
  DOSSIER_SANTE: DEMARCHE_DOSSIER_SANTE,
  CHANGEMENT_ADRESSE: DEMARCHE_CHANGEMENT_ADRESSE,
  SUPPRESSION_ESPACE: DEMARCHE_SUPPRESSION_ESPACE,
  ABSENCE: DEMARCHE_ABSENCE,
  AJOUT_ENFANT: DEMARCHE_AJOUT_ENFANT,
  AJOUT_CO_REPRESENTANT: DEMARCHE_AJOUT_CO_REPRESENTANT,
  RETRAIT_CO_REPRESENTANT: DEMARCHE_RETRAIT_CO_REPRESENTANT,
  CONTACTS_HABILITATIONS: DEMARCHE_CONTACTS_HABILITATIONS,
  TRANSPORT_SCOLAIRE: DEMARCHE_TRANSPORT_SCOLAIRE,
};

/** A demande's name as the parent and the agents read it: its own (an inscription's activity) or its type's. */
export function libelleDemande(demande: { type: TypeDemande; donnees?: unknown }): string {
  return intituleDemande(DEMARCHES, demande);
}

/** Where the parent takes a demande's wizard up again, if its démarche has one. */
export function liensReprise(demande: { type: TypeDemande; id: string; enfantId: string | null }): Reprise | null {
  return DEMARCHES[demande.type].reprise?.(demande) ?? null;
}

/** "La demande" for its parent: the caller has loaded it scoped by the parent's usagerId. */
export async function recapPourUsager(demande: Demande): Promise<SectionRecap[]> {
  const definition = DEMARCHES[demande.type];
  verifierVersion(definition, demande);
  return definition.recap.usager(demande);
}

/** "La demande" for the agent instructing it (health data read there is journaled by the definition). */
export async function recapPourAgent(agentId: string, demande: Demande): Promise<SectionRecap[]> {
  const definition = DEMARCHES[demande.type];
  verifierVersion(definition, demande);
  return definition.recap.agent(demande, agentId);
}
