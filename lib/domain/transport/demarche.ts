// The « Transport scolaire » démarche (lib/domain/transport/signaler.ts creates and deposits it): per child, the
// parent says whether the child takes the school bus, which days and which trips, « en parallèle de l'inscription
// auprès de » the commune's operator. Accepted, the answer becomes the child's TransportScolaire row (the latest
// applies, and the agents' lists mark the child); refused, nothing is recorded.
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { familleDuDemandeur } from "@/lib/domain/famille/demandeur";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { joursEnClair, trajetsEnClair } from "@/lib/domain/transport/texte";
import { de } from "@/lib/texte/elision";
import type { Demande } from "@/lib/generated/prisma/client";

export const donneesTransportSchema = z.object({
  enfantId: z.string(),
  prenom: z.string(),
  /** the operator named when the parent answered (« TXIK TXAK ») */
  operateur: z.string(),
  prendLeBus: z.boolean(),
  /** ISO weekdays, 1 = lundi … 5 = vendredi */
  jours: z.array(z.number().int().min(1).max(5)),
  matin: z.boolean(),
  soir: z.boolean(),
});
export type DonneesTransport = z.infer<typeof donneesTransportSchema>;

export function lireTransport(donnees: unknown): DonneesTransport | null {
  const lu = donneesTransportSchema.safeParse(donnees);
  return lu.success ? lu.data : null;
}

/** What a « Oui » needs: a day and a trip (a « Non » needs nothing). Each field at fault with why. */
export function erreursTransport(t: Pick<DonneesTransport, "prendLeBus" | "jours" | "matin" | "soir">) {
  const erreurs: Record<string, string> = {};
  if (!t.prendLeBus) return erreurs;
  if (t.jours.length === 0) erreurs.jours = "Cochez au moins un jour de transport.";
  if (!t.matin && !t.soir) erreurs.trajets = "Cochez « Matin », « Soir » ou les deux.";
  return erreurs;
}

/** The first of them, as the command refuses it. */
export function erreurTransport(t: Pick<DonneesTransport, "prendLeBus" | "jours" | "matin" | "soir">) {
  const [premiere] = Object.entries(erreursTransport(t));
  return premiere ? { champ: premiere[0], message: premiere[1] } : null;
}

function recap(demande: Demande): SectionRecap[] {
  const t = lireTransport(demande.donnees);
  if (!t) return [{ titre: "Transport scolaire", texte: ["Cette demande ne contient pas de réponse lisible."] }];
  return [
    {
      titre: "Transport scolaire",
      lignes: [
        { libelle: "Enfant", valeur: t.prenom },
        { libelle: "Prend le transport scolaire", valeur: t.prendLeBus ? "Oui" : "Non" },
        ...(t.prendLeBus
          ? [
              { libelle: "Jours", valeur: joursEnClair(t.jours) },
              { libelle: "Trajets", valeur: trajetsEnClair(t) },
            ]
          : []),
        { libelle: "Transporteur", valeur: t.operateur },
      ],
    },
  ];
}

export const DEMARCHE_TRANSPORT_SCOLAIRE = {
  type: "TRANSPORT_SCOLAIRE",
  libelle: "Transport scolaire",
  domaine: "Enfance",
  demandeDe: "de signalement du transport scolaire",
  donnees: { version: 1, schema: donneesTransportSchema },
  verifierDepot(donnees) {
    const t = lireTransport(donnees);
    if (!t) throw new AppError("incomplete", "Indiquez si votre enfant prend le transport scolaire.");
    const erreur = erreurTransport(t);
    if (erreur) throw new AppError("incomplete", erreur.message, erreur.champ);
  },
  accepter: (tx, demande) => accepterTransport(tx, demande),
  recap: { usager: async (demande) => recap(demande), agent: async (demande) => recap(demande) },
} satisfies DefinitionDemarche & { type: "TRANSPORT_SCOLAIRE" };

/** The agents accept: the answer becomes the child's transport (a new row: the latest one applies). */
export async function accepterTransport(tx: Tx, demande: Demande): Promise<string> {
  const t = lireTransport(demande.donnees);
  if (!t || !demande.familleId) throw new AppError("incomplete", "Cette demande ne contient pas de réponse lisible.");
  await tx.transportScolaire.create({
    data: {
      enfantId: t.enfantId,
      familleId: await familleDuDemandeur(tx, demande),
      prendLeBus: t.prendLeBus,
      jours: t.prendLeBus ? [...t.jours].sort((a, b) => a - b) : [],
      matin: t.prendLeBus && t.matin,
      soir: t.prendLeBus && t.soir,
      demandeId: demande.id,
    },
  });
  return `Le transport scolaire ${de(t.prenom)} est enregistré par le service Enfance.`;
}
