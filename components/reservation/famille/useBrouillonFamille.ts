"use client";
// The family view's draft held in React: each inscription's changes, the lines and grid rows drawn from them,
// the announcement of what a tool changed, and the copy in this browser's storage (days only: nothing of health,
// nothing else), read back once after hydration and written at each change.
import { useEffect, useMemo, useRef, useState } from "react";
import type { RangFamille } from "@/components/reservation/famille/GrilleFamille";
import { decoderAnnee } from "@/lib/domain/reservation/annee-compacte";
import { basculer, type Modifs } from "@/lib/domain/reservation/brouillon";
import type { VueFamille } from "@/lib/domain/reservation/famille-vue";
import {
  bilanDuChangement,
  restaurer,
  type Ligne,
  type ModifsFamille,
} from "@/lib/domain/reservation/famille-vue-brouillon";
import type { Jour } from "@/lib/temps/jours-calcul";

const RETROUVEES = "Vos modifications non enregistrées ont été retrouvées : vérifiez-les, puis enregistrez.";

export function useBrouillonFamille(vue: VueFamille, cleStockage: string) {
  const [modifs, setModifs] = useState<ModifsFamille>({});
  const [annonce, setAnnonce] = useState<{ n: number; texte: string } | null>(null);
  const annoncer = (texte: string) => setAnnonce((a) => ({ n: (a?.n ?? 0) + 1, texte }));

  const annees = useMemo(
    () =>
      new Map(
        vue.enfants.flatMap((e) =>
          e.inscriptions.map((i) => [
            i.inscriptionId,
            { annee: decoderAnnee(i.annuel), unites: new Map(i.unites.map((u) => [u.id, u])) },
          ]),
        ),
      ),
    [vue.enfants],
  );
  const lignes: Ligne[] = vue.enfants.flatMap((e) =>
    e.inscriptions.map((i) => ({
      inscriptionId: i.inscriptionId,
      enfantId: e.enfantId,
      prenom: e.prenom,
      brouillon: { ...annees.get(i.inscriptionId)!, modifs: modifs[i.inscriptionId] ?? {} },
    })),
  );
  const rangs: RangFamille[] = vue.enfants.flatMap((e) =>
    e.inscriptions.flatMap((i) =>
      i.unites.map((u) => ({
        enfantId: e.enfantId,
        prenom: e.prenom,
        inscriptionId: i.inscriptionId,
        uniteId: u.id,
        libelle: u.libelle,
        brouillon: lignes.find((l) => l.inscriptionId === i.inscriptionId)!.brouillon,
        jours: i.jours,
        lectureSeule: i.lectureSeule,
      })),
    ),
  );

  // the draft found again in this browser (an expired session, a closed tab), once
  const lu = useRef(false);
  useEffect(() => {
    if (lu.current) return;
    lu.current = true;
    let garde: unknown = null;
    try {
      garde = JSON.parse(window.localStorage.getItem(cleStockage) ?? "null");
    } catch {
      garde = null;
    }
    const { lignes: retrouvees, nombre } = restaurer(lignes, garde);
    if (nombre === 0) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's storage exists only after hydration
    setModifs(Object.fromEntries(retrouvees.map((l) => [l.inscriptionId, l.brouillon.modifs])));
    setAnnonce({ n: 1, texte: RETROUVEES });
  }, [cleStockage, lignes]);
  // …and written at each change
  useEffect(() => {
    if (!lu.current) return;
    try {
      const nonVides = Object.entries(modifs).filter(([, m]) => Object.keys(m).length > 0);
      if (nonVides.length === 0) window.localStorage.removeItem(cleStockage);
      else window.localStorage.setItem(cleStockage, JSON.stringify(Object.fromEntries(nonVides)));
    } catch {
      // a full or forbidden storage: the draft stays on screen only
    }
  }, [modifs, cleStockage]);

  return {
    lignes,
    rangs,
    annonce,
    /** a save wrote the draft: the page's new state replaces it */
    vider: () => setModifs({}),
    /** a tool's result (null: it had nothing to do, `vide` says why), said in words */
    changer(suivantes: Ligne[] | null, vide = "") {
      if (!suivantes) return annoncer(vide);
      annoncer(bilanDuChangement(lignes, suivantes));
      setModifs(Object.fromEntries(suivantes.map((l) => [l.inscriptionId, l.brouillon.modifs])));
    },
    basculer: (r: RangFamille, jour: Jour) =>
      setModifs((m) => ({
        ...m,
        [r.inscriptionId]: basculer({ ...r.brouillon, modifs: m[r.inscriptionId] ?? {} }, jour, r.uniteId) as Modifs,
      })),
  };
}
