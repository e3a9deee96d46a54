// A tariff in one line, as the list of tariffs shows it.
import { eurosSaisie, type Decimal } from "@/lib/argent/argent";
import type { ModeTarif } from "@/lib/generated/prisma/enums";

type Tarif = {
  mode: ModeTarif;
  prixCentimes: Decimal | null;
  tauxEffort: Decimal | null;
  minCentimes: Decimal | null;
  maxCentimes: Decimal | null;
  tranches: { qfMin: number; qfMax: number | null; prixCentimes: Decimal }[];
};

export function resumeTarif(t: Tarif): string {
  const prix = (d: Decimal | null) => `${eurosSaisie(d)} €`;
  if (t.mode === "FIXE") return `prix fixe ${prix(t.prixCentimes)}`;
  if (t.mode === "TAUX_EFFORT") {
    return `taux d'effort ${t.tauxEffort?.toString().replace(".", ",")} % du QF, entre ${prix(t.minCentimes)} et ${prix(t.maxCentimes)}`;
  }
  return t.tranches
    .map(
      (tr) =>
        `QF ${tr.qfMax === null ? `${tr.qfMin} € et plus` : `${tr.qfMin} à ${tr.qfMax} €`} : ${prix(tr.prixCentimes)}`,
    )
    .join(" ; ");
}
