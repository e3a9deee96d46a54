// Clé enfance typed by a space holder in "Modifier mon espace" (a co-représentant, usually): when their
// identity matches the co-représentant declared in that family (nom and date de naissance), the space is
// linked at once; otherwise the request becomes a demande for the agents. Unknown keys are throttled like
// passwords, so the keys cannot be guessed.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatParis } from "@/lib/temps/dates";
import { journal } from "@/lib/journal";
import { normaliserCleEnfance } from "@/lib/cle-enfance";
import { verrouillerCles } from "@/lib/auth/throttle";
import { getCommune } from "@/lib/commune";
import { deposerDans } from "@/lib/domain/demande/deposer";
import { demandeEnCours, violeUneEnCours } from "@/lib/domain/demande/une-en-cours";
import { DEMARCHE_RATTACHEMENT } from "@/lib/domain/famille/demarche-rattachement";
import type { Usager } from "@/lib/generated/prisma/client";

export const ESSAIS_PAR_ESPACE = 5;
export const ESSAIS_PAR_IP = 20;
const FENETRE_MS = 15 * 60 * 1000;

const normaliser = (texte: string | null | undefined) =>
  (texte ?? "")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export type Rattachement = { kind: "rattache"; familleId: string } | { kind: "demande"; numero: number };

/** Checks the throttle and the key; returns what to do. Called by saisirCleEnfance inside its transaction. */
export async function verifierCleEnfance(
  tx: Tx,
  { usager, saisie, ip, now = new Date() }: { usager: Usager; saisie: string; ip: string; now?: Date },
) {
  // Counted then inserted: without the lock, parallel tries would all read the same count before any insert.
  // Held until this transaction ends, so the next try for this space or address reads this one's row.
  await verrouillerCles(tx, [`cle-enfance:espace:${usager.id}`, `cle-enfance:ip:${ip}`]);
  const depuis = new Date(now.getTime() - FENETRE_MS);
  const [parEspace, parIp] = await Promise.all([
    tx.essaiCleEnfance.findMany({
      where: { usagerId: usager.id, succes: false, createdAt: { gt: depuis } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    tx.essaiCleEnfance.findMany({
      where: { ip, succes: false, createdAt: { gt: depuis } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const bloquant = parEspace.length >= ESSAIS_PAR_ESPACE ? parEspace : parIp.length >= ESSAIS_PAR_IP ? parIp : null;
  if (bloquant) {
    const reprise = new Date(bloquant[0]!.createdAt.getTime() + FENETRE_MS);
    throw new AppError(
      "trop_essais",
      `Trop d'essais de clé enfance : réessayez à partir de ${formatParis(reprise, "HH:mm")}.`,
      "cleEnfance",
    );
  }
  const cle = normaliserCleEnfance(saisie);
  const famille = cle
    ? await tx.famille.findUnique({ where: { cleEnfance: cle }, include: { representants: true } })
    : null;
  await tx.essaiCleEnfance.create({ data: { usagerId: usager.id, ip, succes: Boolean(famille), createdAt: now } });
  if (!famille) return null;
  if (famille.representants.some((r) => r.usagerId === usager.id)) {
    throw new AppError("deja", "Votre espace est déjà rattaché à cette famille.", "cleEnfance");
  }
  return famille;
}

export async function saisirCleEnfance({
  usager,
  saisie,
  ip,
}: {
  usager: Usager;
  saisie: string;
  ip: string;
}): Promise<Rattachement> {
  if (await db().representant.findFirst({ where: { usagerId: usager.id }, select: { id: true } })) {
    throw new AppError("deja", "Votre espace est déjà rattaché à une famille.", "cleEnfance");
  }
  const commune = await getCommune();
  // The failed try must stay recorded even though the command is refused: it is written in its own
  // transaction, and the refusal is thrown after the commit. A demande is created and deposited in that same
  // transaction, so a failed deposit leaves no draft and a double click deposits one demande.
  const resultat = await db()
    .$transaction(async (tx) => {
      const famille = await verifierCleEnfance(tx, { usager, saisie, ip });
      if (!famille) return null;
      const coRepresentant = famille.representants.find((r) => r.role === "CO_REPRESENTANT" && !r.usagerId);
      const memeNom = [usager.nomUsage, usager.nomNaissance].some(
        (nom) =>
          nom &&
          coRepresentant &&
          [coRepresentant.nomUsage, coRepresentant.nomFamille].some((n) => n && normaliser(n) === normaliser(nom)),
      );
      const memeNaissance =
        usager.dateNaissance &&
        coRepresentant?.dateNaissance &&
        usager.dateNaissance.toISOString().slice(0, 10) === coRepresentant.dateNaissance.toISOString().slice(0, 10);
      if (coRepresentant && memeNom && memeNaissance) {
        await tx.representant.update({ where: { id: coRepresentant.id }, data: { usagerId: usager.id } });
        await journal(tx, {
          event: "famille.rattachement",
          actorKind: "USAGER",
          actorId: usager.id,
          ip,
          details: { familleId: famille.id },
        });
        return { kind: "rattache", familleId: famille.id } as const;
      }
      const existante = await demandeEnCours(tx, usager.id, "RATTACHEMENT_FAMILLE");
      if (existante?.numero) throw rattachementEnCours(existante.numero);
      const demande = await tx.demande.create({
        data: {
          type: "RATTACHEMENT_FAMILLE",
          usagerId: usager.id,
          familleId: famille.id,
          donnees: { familleId: famille.id },
        },
      });
      const numero = await deposerDans(tx, {
        usagerId: usager.id,
        demandeId: demande.id,
        commune,
        demarches: { RATTACHEMENT_FAMILLE: DEMARCHE_RATTACHEMENT },
      });
      return { kind: "demande", numero } as const;
    })
    .catch(async (error: unknown) => {
      if (!violeUneEnCours(error)) throw error;
      throw rattachementEnCours((await demandeEnCours(db(), usager.id, "RATTACHEMENT_FAMILLE"))?.numero ?? 0);
    });
  if (!resultat)
    throw new AppError(
      "inconnue",
      "Cette clé enfance est inconnue. Vérifiez-la : elle figure dans le courriel de validation de la famille.",
      "cleEnfance",
    );
  return resultat;
}

const rattachementEnCours = (numero: number) =>
  new AppError("en_cours", `Votre demande de rattachement N° ${numero} est déjà en cours d'instruction.`, "cleEnfance");
