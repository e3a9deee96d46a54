import Link from "next/link";
import { VueFamille } from "@/components/reservation/famille/VueFamille";
import { Alert } from "@/components/ui/Alert";
import { BandeauFenetre } from "@/components/fenetre/BandeauFenetre";
import { requireUsager } from "@/lib/auth/current";
import { LegendeFamille } from "@/components/reservation/famille/LegendeFamille";
import { baremesDeLaFamille } from "@/lib/domain/facturation/baremes";
import { vueFamille } from "@/lib/domain/reservation/famille-vue";
import { maintenant } from "@/lib/web/horloge";
import { enregistrerPourLaFamilleAction } from "./actions";

export const metadata = { title: "Réserver pour toute la famille" };

// RÉSERVER POUR TOUTE LA FAMILLE: every child's accepted inscriptions and subscribed units on one screen, a week
// at a time on a phone (?semaine=2026-12-07), the month on a desktop (?mois=2026-12); the estimate of the days
// ticked; one save for the family. The per-child month view (/famille/enfants/[enfant]/reservations) stays.
export default async function ReservationsFamillePage({
  searchParams,
}: {
  searchParams: Promise<{ semaine?: string; mois?: string }>;
}) {
  const { semaine, mois } = await searchParams;
  const suite = semaine ? `?semaine=${semaine}` : mois ? `?mois=${mois}` : "";
  const { usager } = await requireUsager(`/famille/reservations${/^[?a-z=\d-]*$/.test(suite) ? suite : ""}`);
  const now = await maintenant();
  const vue = await vueFamille({ usagerId: usager.id, now, semaine, mois });
  const baremes =
    vue.enfants.length > 0 ? await baremesDeLaFamille({ usagerId: usager.id, mois: [`${vue.mois}-01`], now }) : [];
  const reservable = vue.enfants.some((e) => e.inscriptions.length > 0);
  return (
    <div className="carte px-2 sm:px-6">
      <h1 className="titre-page mb-4">Réserver pour toute la famille</h1>
      <BandeauFenetre
        uniteIds={vue.enfants.flatMap((e) => e.inscriptions.flatMap((i) => i.unites.map((u) => u.id)))}
        now={now}
      />
      {reservable ? (
        <VueFamille
          vue={vue}
          baremes={baremes}
          action={enregistrerPourLaFamilleAction}
          cleStockage={`reservations-famille:${usager.id}`}
          legende={<LegendeFamille />}
        />
      ) : vue.message ? (
        <Alert title={vue.message} />
      ) : (
        <Alert title="Aucune inscription acceptée">
          <p>Les réservations se font pour une inscription acceptée par le service Enfance.</p>
        </Alert>
      )}
      <p className="mt-6">
        <Link href="/mon-espace">Retour à Mon accueil</Link>
      </p>
    </div>
  );
}
