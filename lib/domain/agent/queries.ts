// What the console's Agents pages and the Double authentification page read about agents: never the password
// hash nor the TOTP secret.
import { db } from "@/lib/db";

const FICHE = {
  id: true,
  identifiant: true,
  courriel: true,
  nom: true,
  prenom: true,
  role: true,
  active: true,
  totpActiveAt: true,
  lastLoginAt: true,
  permissions: true,
} as const;

/** The Agents list: active ones first, then by name. */
export function listeAgents() {
  return db().agent.findMany({ orderBy: [{ active: "desc" }, { nom: "asc" }, { prenom: "asc" }], select: FICHE });
}

export function ficheAgent(id: string) {
  return db().agent.findUnique({ where: { id }, select: FICHE });
}

export function codesSecoursRestants(agentId: string) {
  return db().codeSecours.count({ where: { agentId, usedAt: null } });
}
