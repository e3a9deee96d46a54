// A bordereau's file, made again from what it holds and checked before it leaves: the same bordereau gives the
// same bytes; a mandatory value missing since (a setting emptied) refuses it with the French reason.
import "server-only";
import { db } from "@/lib/db";
import { controlerBordereau } from "@/lib/domain/pes/controle";
import { modeleBordereau } from "@/lib/domain/pes/donnees";
import { fichierPes } from "@/lib/domain/pes/xml";

export type FichierPes = { ok: true; nom: string; bytes: Uint8Array } | { ok: false; raisons: string[] };

export async function fichierBordereau(bordereauId: string): Promise<FichierPes | null> {
  const existe = await db().bordereauPes.findUnique({ where: { id: bordereauId }, select: { id: true } });
  if (!existe) return null;
  const modele = await modeleBordereau(db(), bordereauId);
  const raisons = controlerBordereau(modele);
  if (raisons.length > 0) return { ok: false, raisons };
  return { ok: true, nom: modele.nomFichier, bytes: fichierPes(modele) };
}
