// @socialgouv/jours-feries ships no types: a year (and the Alsace-Moselle option) gives named local midnights.
declare module "@socialgouv/jours-feries" {
  export default function joursFeries(annee: number, options?: { alsace?: boolean }): Record<string, Date>;
}
