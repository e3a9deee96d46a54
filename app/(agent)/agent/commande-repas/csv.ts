// The kitchen order's CSV columns, shared by the day's file and a lieu's week: one row per date, lieu and unit,
// the frozen version (or "provisoire"), no child's name.
import type { Cellule } from "@/lib/csv-excel";
import { dateHeure } from "@/lib/temps/dates";
import { ecartLigneEnClair, enClair, type CommandeLieu } from "@/lib/domain/commande-repas/queries";
import { dateDeJour, type Jour } from "@/lib/temps/jours";

export const ENTETES_COMMANDE = [
  "Date",
  "Lieu",
  "Menu",
  "Repas",
  "Régimes",
  "Allergènes",
  "PAI",
  "Version",
  "Figée le",
  "Écart",
];

export const lignesCommande = (date: Jour, c: CommandeLieu): Cellule[][] =>
  c.lignes.map((l) => [
    dateDeJour(date),
    c.lieu,
    l.unite,
    l.nombre,
    enClair(l.regimes),
    enClair(l.allergenes),
    l.pai,
    c.version ?? "provisoire",
    c.figeeLe ? dateHeure(c.figeeLe) : null,
    l.ecart ? ecartLigneEnClair(l.ecart) : null,
  ]);
