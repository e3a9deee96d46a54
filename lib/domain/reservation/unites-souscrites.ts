// The one rule of the units an inscription subscribes (garderie Matin and Soir, one menu of the exclusive ones),
// used by the server (the save refuses the others) and by the pages (only these are offered).

/** A unit is offered/bookable when the inscription subscribes it; an empty list subscribes every unit. */
export function uniteSouscrite(unitesSouscrites: readonly number[], uniteId: number): boolean {
  return unitesSouscrites.length === 0 || unitesSouscrites.includes(uniteId);
}
