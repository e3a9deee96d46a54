"use client";
// One child's taps on the day's list: each button sends the mark at once, the state shown pressed. Without
// JavaScript the form is a plain POST to the server action; with it, the mark goes as JSON to the marks' route
// (through the pointage's service worker, which keeps it while the network is down: the row then says « en
// attente d'envoi » until it is sent), with the instant it was tapped; a refusal is said beside the buttons.
import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { GENERIC_ERROR } from "@/lib/errors";
import { ETATS_POINTAGE } from "@/lib/domain/pointage/schemas";
import type { EtatPointage } from "@/lib/generated/prisma/enums";
import { pointerAction } from "./actions";
import { EVENEMENT_ENVOYES, EVENEMENT_FILE, instantDuServeur, ROUTE_MARQUES } from "./tablette";

type Props = {
  nom: string;
  enfantId: string;
  uniteId: number;
  lieuId: number;
  date: string;
  etat: EtatPointage | null;
  /** the buttons offered: Présent / Absent for a child on the list, Présent sans réservation otherwise */
  choix: EtatPointage[];
};

const pasDAbonnement = () => () => {};

export function FormPointage({ nom, enfantId, uniteId, lieuId, date, etat, choix }: Props) {
  const router = useRouter();
  // once hydrated the buttons send through the route; before (or without JavaScript) they submit the form
  const js = useSyncExternalStore(
    pasDAbonnement,
    () => true,
    () => false,
  );
  // the tap not yet seen in the server's list (`base`: the state the list showed then)
  const [local, setLocal] = useState<{ etat: EtatPointage; base: EtatPointage | null } | null>(null);
  const [enAttente, setEnAttente] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);

  useEffect(() => {
    const envoyes = () => setEnAttente(false);
    window.addEventListener(EVENEMENT_ENVOYES, envoyes);
    return () => window.removeEventListener(EVENEMENT_ENVOYES, envoyes);
  }, []);

  const affiche = local && (local.base === etat || enAttente) ? local.etat : etat;

  async function marquer(valeur: EtatPointage) {
    setErreur(null);
    setLocal({ etat: valeur, base: etat });
    setEnvoi(true);
    try {
      const reponse = await fetch(ROUTE_MARQUES, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          enfantId,
          uniteId,
          lieuId,
          date,
          etat: valeur,
          marqueLe: instantDuServeur().toISOString(),
        }),
      });
      if (reponse.status === 202) {
        setEnAttente(true);
        window.dispatchEvent(new Event(EVENEMENT_FILE));
        return;
      }
      const corps = (await reponse.json().catch(() => ({}))) as { message?: string; retenue?: boolean };
      // refused, or older than a mark made meanwhile on another tablet (kept): the list's state stays
      if (!reponse.ok || corps.retenue === false) {
        setLocal(null);
        setErreur(corps.message ?? GENERIC_ERROR);
        return;
      }
      setEnAttente(false);
      router.refresh();
    } catch {
      // no service worker to keep it (its first load) and no network
      setLocal(null);
      setErreur("Pas de réseau : ce pointage n'est pas enregistré. Réessayez dans un instant.");
    } finally {
      setEnvoi(false);
    }
  }

  return (
    <form action={pointerAction}>
      <input type="hidden" name="enfantId" value={enfantId} />
      <input type="hidden" name="uniteId" value={uniteId} />
      <input type="hidden" name="lieuId" value={lieuId} />
      <input type="hidden" name="date" value={date} />
      <div role="group" aria-label={nom} className="flex flex-wrap gap-2 print:hidden">
        {choix.map((valeur) => (
          <button
            key={valeur}
            type={js ? "button" : "submit"}
            name="etat"
            value={valeur}
            aria-pressed={affiche === valeur}
            aria-disabled={envoi || undefined}
            onClick={js ? () => void (envoi ? undefined : marquer(valeur)) : undefined}
            className={
              affiche !== valeur
                ? "bouton-secondaire min-w-28"
                : `bouton min-w-28 border-2 text-white ${valeur === "ABSENT" ? "border-red-800 bg-red-800" : "border-green-800 bg-green-800"}`
            }
          >
            {affiche === valeur && <span aria-hidden="true">✓</span>}
            {ETATS_POINTAGE[valeur]}
          </button>
        ))}
      </div>
      {enAttente && <p className="mt-1 text-sm font-semibold text-amber-900">En attente d&apos;envoi</p>}
      {erreur && (
        <p role="alert" className="mt-1 text-sm font-semibold text-red-800">
          {erreur}
        </p>
      )}
    </form>
  );
}
