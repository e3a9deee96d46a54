// Dates as the commune reads them: French, in Europe/Paris whatever the server's zone.
import { format } from "date-fns";
import { fr } from "date-fns/locale";
import { tz } from "@date-fns/tz";

const PARIS = tz("Europe/Paris");

export function formatParis(date: Date, pattern: string): string {
  return format(date, pattern, { locale: fr, in: PARIS });
}

/** "02/07/2024 à 16:21", as the seed's "Dernière connexion le …". */
export const dateHeure = (date: Date) => formatParis(date, "dd/MM/yyyy 'à' HH:mm");
