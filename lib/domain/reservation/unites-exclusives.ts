// Exclusive units (Menu Classique and Menu Végétarien): a child has at most one of them on a day. One pure rule
// for both sides: the server refuses the second one on save (enregistrer.ts), the month view's draft releases
// the first one when the parent picks the second (brouillon.ts), so the screen never shows what the server
// would refuse.

export type UniteExclusive = { id: number; exclusive: boolean };

/**
 * The exclusive unit, among those the child already has that day, that forbids booking `unite`; undefined
 * when `unite` may be booked (not exclusive, or no other exclusive unit held).
 */
export function rivaleExclusive<U extends UniteExclusive>(unite: UniteExclusive, tenues: Iterable<U>): U | undefined {
  if (!unite.exclusive) return undefined;
  for (const autre of tenues) if (autre.exclusive && autre.id !== unite.id) return autre;
  return undefined;
}
