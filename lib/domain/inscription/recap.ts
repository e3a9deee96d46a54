// LE RÉCAPITULATIF of an inscription, resolved for display: step 2, the parent's suivi and the console show
// the same. The caller has already checked who may see the demande.
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { formatParis } from "@/lib/temps/dates";
import { withCommune } from "@/lib/domain/commune/queries";
import { getCommune } from "@/lib/commune";
import { contexte, lirePaiObjet } from "@/lib/domain/inscription/brouillon";
import { foyerDeLaDemande } from "@/lib/domain/inscription/foyer";
import { lireDonnees, PERMISSIONS, PIECES, unitesChoisies, type Permission } from "@/lib/domain/inscription/regles";
import { aAccesSante } from "@/lib/domain/sante/acces-agent";

/** An accepted inscription's habilitations ([{ contactId, nom, autorise }]) as the recap's lines. */
const habilitationsEnregistrees = (json: unknown) =>
  (Array.isArray(json) ? (json as { nom?: unknown; autorise?: unknown }[]) : [])
    .filter((h) => typeof h?.nom === "string")
    .map((h) => ({ libelle: `Venir chercher l'enfant — ${String(h.nom)}`, autorise: h.autorise === true }));

export type RecapInscription = NonNullable<Awaited<ReturnType<typeof recapInscription>>>;

/** ouvrirPai: false for an agent without the permission SANTE (the P.A.I.'s object stays sealed: null). */
export async function recapInscription(
  demande: { id: string; familleId: string | null; donnees: unknown },
  { ouvrirPai = true } = {},
) {
  const donnees = lireDonnees(demande.donnees);
  const foyer = donnees ? foyerDeLaDemande(demande, donnees) : null;
  if (!donnees || !foyer) return null;
  const [ctx, commune, pieces, inscription] = await Promise.all([
    contexte(foyer, donnees),
    getCommune(),
    db().demandePiece.findMany({
      where: { demandeId: demande.id },
      select: { piece: { select: { id: true, type: true, nom: true, taille: true, uploadedAt: true } } },
      orderBy: { createdAt: "asc" },
    }),
    // accepted: its habilitations are the child's current ones (rewritten by « Contacts et habilitations »)
    db().inscription.findUnique({ where: { demandeId: demande.id }, select: { habilitations: true } }),
  ]);
  const choix = (valeur: string | undefined) => (valeur === "AUTORISE" ? true : valeur === "INTERDIT" ? false : null);
  // waiting for its family: the agent accepts the Ajout de famille first
  const ajout =
    foyer.ajoutFamilleId !== null
      ? await db().demande.findUnique({ where: { id: foyer.ajoutFamilleId }, select: { numero: true } })
      : null;
  const reglement = donnees.reglementId
    ? await db().documentVersion.findUnique({ where: { id: donnees.reglementId }, select: { version: true } })
    : null;
  return {
    intitule: ctx.activite.libelle,
    familleEnAttente: ajout ? (ajout.numero ?? 0) : null,
    enfant: `${ctx.enfant.prenoms} ${ctx.enfant.nom.toUpperCase()}`,
    dateDebut: formatParis(ctx.annee.dateDebut, "dd/MM/yyyy"),
    dateFin: formatParis(ctx.annee.dateFin, "dd/MM/yyyy"),
    lieu: ctx.activite.lieux.find((l) => l.id === donnees.lieuId)?.nom ?? null,
    groupe: ctx.activite.groupes.find((g) => g.id === donnees.groupeId)?.libelle ?? null,
    unite:
      ctx.activite.unites
        .filter((u) => unitesChoisies(donnees).includes(u.id))
        .map((u) => u.libelle)
        .join(", ") || null,
    permissions: (Object.keys(PERMISSIONS) as Permission[]).map((cle) => ({
      libelle: withCommune(PERMISSIONS[cle], commune),
      autorise: choix(donnees.permissions[cle]),
    })),
    habilitations: inscription
      ? habilitationsEnregistrees(inscription.habilitations)
      : ctx.contacts.map((c) => ({
          libelle: `Venir chercher l'enfant — ${c.prenom} ${c.nom.toUpperCase()}`,
          autorise: choix(donnees.habilitations[c.id]),
        })),
    pai: donnees.pai,
    paiObjet: !donnees.pai ? "" : ouvrirPai ? lirePaiObjet(demande.id, donnees.paiObjetChiffre) : null,
    pieces: pieces.map(({ piece }) => ({ ...piece, libelle: PIECES[piece.type] })),
    attestations: donnees.attestations,
    reglementVersion: reglement?.version ?? null,
  };
}

/**
 * An inscription's recap as an agent reads it. Its P.A.I. object is health data: opened (and journaled) only
 * for an agent with the permission SANTE; the others see that a P.A.I. is asked, not what it is about.
 */
export async function recapInscriptionPourAgent(
  agentId: string,
  demande: { id: string; numero: number | null; familleId: string | null; donnees: unknown },
) {
  const recap = await recapInscription(demande, { ouvrirPai: await aAccesSante(agentId) });
  if (recap?.pai && recap.paiObjet !== null) {
    await journal(db(), {
      event: "inscription.pai_consulte",
      actorKind: "AGENT",
      actorId: agentId,
      details: { numero: demande.numero },
    });
  }
  return recap;
}
