// Pointage: the day's lists. The page opens on today at the agent's lieu (remembered from the last one chosen):
// each unit with its tally, « Tous présents », the children expected, their groupe, who may pick them up and the
// flags the staff need (for an agent with the access to health data; the others are sent to the responsable),
// marked présent / absent in one tap each, "présent sans réservation" for a child found by name among the
// enrolled; printable (one lieu per sheet), the changes after the first print marked. A day to come, or one past
// the commune's correction window, is shown without its buttons, saying why. The taps go through the pointage's
// service worker, which keeps them while the network is down (FileAttente says how many wait).
import "./impression.css";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { requireAgent } from "@/lib/auth/current";
import { getCommune } from "@/lib/commune";
import { refusDuJour } from "@/lib/domain/pointage/delai";
import { lieuDuPointage } from "@/lib/domain/pointage/lieu";
import { ACTIVITE_COURTE, lieuxDuJour, listeDuJour, rechercherInscrits } from "@/lib/domain/pointage/liste";
import { maintenant } from "@/lib/web/horloge";
import { estJour, jourEnClair, jourParis } from "@/lib/temps/jours";
import { BoutonImprimer } from "./BoutonImprimer";
import { FileAttente } from "./FileAttente";
import { SectionLieu } from "./SectionLieu";

export const metadata = { title: "Pointage — Console des agents" };

type Recherche = { date?: string; lieu?: string; q?: string };

export default async function PointagePage({ searchParams }: { searchParams: Promise<Recherche> }) {
  const { agent } = await requireAgent();
  const params = await searchParams;
  const [now, commune] = await Promise.all([maintenant(), getCommune()]);
  const aujourdhui = jourParis(now);
  const date = params.date && estJour(params.date) ? params.date : aujourdhui;
  const refus = refusDuJour(date, aujourdhui, commune.delaiCorrectionPointageJours);
  const lieux = await lieuxDuJour(date);
  const lieuChoisi = await lieuDuPointage({
    agentId: agent.id,
    demande: params.lieu,
    ouverts: lieux.map((l) => l.lieuId),
  });
  const { santeVisible, lieux: listes } =
    lieux.length === 0
      ? { santeVisible: false, lieux: [] }
      : await listeDuJour({ agentId: agent.id, date, lieuId: lieuChoisi });
  const recherche = params.q?.trim() ?? "";
  const trouves =
    lieuChoisi && recherche && !refus ? await rechercherInscrits({ lieuId: lieuChoisi, recherche }) : null;
  const titre = `${jourEnClair(date).replace(/^./, (c) => c.toUpperCase())} ${date.slice(0, 4)}`;

  return (
    <div className="carte" data-impression>
      <h1 className="titre-page mb-1">Pointage</h1>
      <p className="mb-4 text-lg font-semibold">{titre}</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4 print:hidden">
        <div>
          <label htmlFor="date" className="mb-1 block font-semibold">
            Date
          </label>
          <input id="date" name="date" type="date" defaultValue={date} max={aujourdhui} className="champ" />
        </div>
        <div>
          <label htmlFor="lieu" className="mb-1 block font-semibold">
            Lieu
          </label>
          <select id="lieu" name="lieu" defaultValue={lieuChoisi ?? ""} className="champ">
            <option value="">Tous les lieux</option>
            {lieux.map((l) => (
              <option key={l.lieuId} value={l.lieuId}>
                {l.lieu} — {ACTIVITE_COURTE[l.type]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bouton-principal">
          Afficher
        </button>
      </form>
      <FileAttente serveurMs={now.getTime()} />
      {refus && <Alert kind="erreur" title={refus} />}

      {listes.length === 0 ? (
        <Alert title="Aucun accueil ce jour-là." />
      ) : (
        <>
          <div className="mb-6 flex flex-wrap items-start gap-4 print:hidden">
            <BoutonImprimer date={date} lieux={listes.map((l) => l.lieuId)} />
            <Link href={`/agent/commande-repas?date=${date}`} className="self-center">
              Commande des repas de ce jour
            </Link>
          </div>
          {!santeVisible && (
            <Alert title="Allergies, PAI et régimes : voir le responsable.">
              <p>
                Les données de santé sont réservées aux agents qui en ont reçu l&apos;accès d&apos;un administrateur.
              </p>
            </Alert>
          )}
          {listes.map((liste) => (
            <SectionLieu
              key={liste.lieuId}
              liste={liste}
              date={date}
              santeVisible={santeVisible}
              modifiable={!refus}
              recherche={liste.lieuId === lieuChoisi ? recherche : ""}
              trouves={liste.lieuId === lieuChoisi ? trouves : null}
            />
          ))}
        </>
      )}
    </div>
  );
}
