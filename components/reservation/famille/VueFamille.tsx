"use client";
// « Réserver pour toute la famille »: every child × subscribed unit in one grid (GrilleFamille), a week at a time
// on a phone and the month on a desktop, the week tools for several children (OutilsFamille), the estimate
// (TotauxFamille) and one « Enregistrer » for the family (one transaction, one recap mail).
//
// Nothing lost: the draft (days only) is written to this browser's storage at each change, keyed by the space,
// read back when the page opens (after a login that followed an expired session, `suite` brings the parent back
// to this week or month) with a focused message, and cleared once a save has written it. Every answer (a save,
// a tool, a draft found again) comes into view and takes the focus (Alert's `reponse`).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { GrilleFamille } from "@/components/reservation/famille/GrilleFamille";
import { OutilsFamille } from "@/components/reservation/famille/OutilsFamille";
import { BarreEnregistrement } from "@/components/reservation/BarreEnregistrement";
import { NavigationPeriode } from "@/components/reservation/famille/NavigationPeriode";
import { TotauxFamille } from "@/components/reservation/famille/TotauxFamille";
import { useBrouillonFamille } from "@/components/reservation/famille/useBrouillonFamille";
import { Alert } from "@/components/ui/Alert";
import type { Action } from "@/lib/action";
import type { Bareme } from "@/lib/domain/reservation/estimation";
import type { VueFamille as Vue } from "@/lib/domain/reservation/famille-vue";
import {
  appliquerSemaineTypeFamille,
  changementsFamille,
  copierSemaineFamille,
} from "@/lib/domain/reservation/famille-vue-brouillon";
import { ajouterJours, jourSemaine, type Jour } from "@/lib/temps/jours-calcul";

/** The week shown first: the one asked, else today's if the month has it, else the month's first. */
const semaineDepart = (vue: Vue): Jour => {
  const lundi = ajouterJours(vue.aujourdhui, 1 - jourSemaine(vue.aujourdhui));
  return vue.semaine ?? vue.semaines.find((s) => s.lundi === lundi)?.lundi ?? vue.semaines[0]?.lundi ?? lundi;
};

export function VueFamille({
  vue,
  baremes,
  action,
  cleStockage,
  legende,
}: {
  vue: Vue;
  baremes: Bareme[];
  action: Action;
  /** this space's key in the browser's storage */
  cleStockage: string;
  /** the marks in words (LegendeFamille), rendered on the server: text the browser need not carry as script */
  legende: React.ReactNode;
}) {
  const { state, formAction, pending, numero } = useFormulaireAction(action);
  const router = useRouter();
  const [navigation, naviguer] = useTransition();
  const brouillon = useBrouillonFamille(vue, cleStockage);
  const { lignes, rangs } = brouillon;
  const [semaine, setSemaine] = useState<Jour>(() => semaineDepart(vue));
  const [adresse, setAdresse] = useState(vue.semaine ? `?semaine=${vue.semaine}` : `?mois=${vue.mois}`);
  // the month changed (the server sent another): the week shown follows
  const [moisVu, setMoisVu] = useState(vue.mois);
  if (moisVu !== vue.mois) {
    setMoisVu(vue.mois);
    setSemaine(semaineDepart(vue));
  }

  const libelles = new Map(rangs.map((r) => [r.uniteId, r.libelle]));
  const diff = changementsFamille(lignes);
  const lectureSeule = rangs.every((r) => r.lectureSeule);

  // a save answered with what it wrote: that is now the page's state, the draft and its copy are dropped
  const [reponseVue, setReponseVue] = useState(state);
  if (state !== reponseVue) {
    setReponseVue(state);
    if ((state as { enregistre?: boolean }).enregistre) brouillon.vider();
  }

  // the address a login brings back to (`suite`): this week on a phone, this month on a desktop
  const allerALaSemaine = (lundi: Jour) => {
    setSemaine(lundi);
    window.history.replaceState(null, "", `?semaine=${lundi}`);
    setAdresse(`?semaine=${lundi}`);
  };
  const rang = vue.semaines.findIndex((s) => s.lundi === semaine);
  const semaineVoisine = (sens: 1 | -1) => {
    const voisine = vue.semaines[rang + sens];
    if (voisine) return allerALaSemaine(voisine.lundi);
    const mois = sens === 1 ? vue.moisSuivant : vue.moisPrecedent;
    if (!mois) return;
    setAdresse(`?semaine=${ajouterJours(semaine, 7 * sens)}`);
    naviguer(() => router.push(`?semaine=${ajouterJours(semaine, 7 * sens)}`, { scroll: false }));
  };
  const allerAuMois = (mois: string) => {
    setAdresse(`?mois=${mois}`);
    naviguer(() => router.push(`?mois=${mois}`, { scroll: false }));
  };

  const bornes = lignes.flatMap((l) => [...l.brouillon.annee.keys()]).sort();
  const premier = bornes[0] ?? null;
  const dernier = bornes.at(-1) ?? null;
  const enfants = vue.enfants.filter((e) => e.inscriptions.length > 0);

  return (
    <div className="space-y-4">
      {state.message && (
        <Alert key={`reponse-${numero}`} kind={state.ok ? "succes" : "erreur"} title={state.message} reponse>
          {Object.values(state.errors).length > 0 && (
            <ul className="list-disc pl-5 text-sm">
              {Object.entries(state.errors).map(([cle, raison]) => (
                <li key={cle}>{raison}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {vue.message && <p className="rounded-md bg-stone-100 p-3">{vue.message}</p>}
      {vue.enfants.flatMap((e) =>
        e.fermees.map((f) => (
          <p key={`${e.enfantId}-${f.activite}`} className="text-sm">
            {e.prenom}, {f.activite} : {f.message}
          </p>
        )),
      )}
      {[
        ...new Set(
          enfants.flatMap((e) =>
            e.inscriptions.flatMap((i) =>
              i.prochaineCloture ? [`${i.unites.map((u) => u.libelle).join(", ")} : ${i.prochaineCloture}`] : [],
            ),
          ),
        ),
      ].map((p) => (
        <p key={p} className="text-sm">
          {p}
        </p>
      ))}

      <OutilsFamille
        enfants={enfants}
        libelles={[...new Set(rangs.map((r) => r.libelle))]}
        colonnes={vue.colonnes}
        premier={premier}
        dernier={dernier}
        semaine={semaine}
        lectureSeule={lectureSeule}
        onAppliquer={(type) => brouillon.changer(appliquerSemaineTypeFamille(lignes, libelles, type))}
        onCopier={() =>
          brouillon.changer(
            copierSemaineFamille(lignes, semaine),
            "La semaine précédente n'a aucun jour d'accueil : rien à copier.",
          )
        }
      />
      {brouillon.annonce && (
        <Alert key={`annonce-${brouillon.annonce.n}`} kind="info" title={brouillon.annonce.texte} reponse />
      )}

      <NavigationPeriode vue={vue} semaine={semaine} onSemaine={semaineVoisine} onMois={allerAuMois} />

      {legende}

      <div className={navigation ? "opacity-60" : ""} aria-busy={navigation || undefined}>
        <GrilleFamille
          vue={vue}
          rangs={rangs}
          semaine={semaine}
          refus={state.errors}
          onBasculer={brouillon.basculer}
          onSemaine={setSemaine}
        />
      </div>
      <TotauxFamille baremes={baremes} lignes={lignes} enfants={enfants} semaine={semaine} mois={vue.mois} />

      {!lectureSeule && (
        <BarreEnregistrement
          key={`barre-${numero}`}
          formAction={formAction}
          pending={pending}
          pour="la famille"
          champs={<input type="hidden" name="page" value={`/famille/reservations${adresse}`} />}
          changements={diff}
          compteSurLeBouton
        />
      )}
    </div>
  );
}
