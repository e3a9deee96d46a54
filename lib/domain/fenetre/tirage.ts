// The draw that breaks ties between children with the same points: a number derived from the window's published
// seed, the unit and the child, so anyone holding the seed and the journal can redo it, and nobody (not even the
// agent who created the window) can choose it after the requests are in. Pure: no clock, no database.
import { createHash } from "node:crypto";

/** The child's draw for a unit of a window: hex of sha256(graine:uniteId:enfantId), lower first. */
export function tirage(graine: string, uniteId: number, enfantId: string): string {
  return createHash("sha256").update(`${graine}:${uniteId}:${enfantId}`).digest("hex");
}

export type Candidat = { enfantId: string; points: number; tirage: string };

/** The ranking: more points first, then the lower draw; the enfantId only orders two identical draws. */
export function classer<C extends Candidat>(candidats: readonly C[]): (C & { rang: number })[] {
  return [...candidats]
    .sort(
      (a, b) =>
        b.points - a.points ||
        (a.tirage < b.tirage ? -1 : a.tirage > b.tirage ? 1 : 0) ||
        (a.enfantId < b.enfantId ? -1 : 1),
    )
    .map((c, i) => ({ ...c, rang: i + 1 }));
}
