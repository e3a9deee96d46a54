// One child on the day's list: its name (and what changed after the print), who may pick it up, its groupe,
// the health flags for an agent with the access (the others are sent to the responsable), and its taps.
import Link from "next/link";
import { dateHeure } from "@/lib/temps/dates";
import type { EnfantListe } from "@/lib/domain/pointage/liste";
import type { Habilitation } from "@/lib/domain/pointage/habilitations";
import { busEnClair } from "@/lib/domain/transport/texte";
import { FormPointage } from "./FormPointage";
import { de } from "@/lib/texte/elision";

const personne = (h: Habilitation) => {
  const precisions = [h.lien, h.telephone].filter(Boolean).join(", ");
  return precisions ? `${h.nom} (${precisions})` : h.nom;
};

function QuiVientLeChercher({ habilitations }: { habilitations: Habilitation[] }) {
  const autorises = habilitations.filter((h) => h.autorise);
  const interdits = habilitations.filter((h) => !h.autorise);
  return (
    <>
      <span className="block text-sm font-normal">
        Peut venir le chercher : {autorises.length > 0 ? autorises.map(personne).join(" ; ") : "les parents seulement"}
      </span>
      {interdits.length > 0 && (
        <span className="mt-1 block rounded bg-red-50 px-1 text-sm font-bold text-red-800">
          Interdiction de venir le chercher : {interdits.map(personne).join(" ; ")}
        </span>
      )}
    </>
  );
}

export function LigneEnfant({
  enfant,
  unite,
  uniteId,
  lieuId,
  date,
  santeVisible,
  modifiable,
}: {
  enfant: EnfantListe;
  unite: string;
  uniteId: number;
  lieuId: number;
  date: string;
  santeVisible: boolean;
  /** the day may be marked (today or within the correction window) */
  modifiable: boolean;
}) {
  const nom = `${enfant.prenoms} ${enfant.nom.toUpperCase()}`;
  const sante = enfant.sante;
  return (
    <tr className="border-b border-stone-200 align-top">
      <th scope="row" className="py-2 pr-3 font-semibold">
        <span className={enfant.tardif === "ANNULE" ? "line-through" : undefined}>{nom}</span>
        {enfant.tardif && (
          <span className="ml-2 inline-block rounded bg-amber-100 px-2 text-sm font-bold text-amber-950">
            {enfant.tardif === "AJOUTE" ? "Ajouté après l'impression" : "Annulé après l'impression"}
          </span>
        )}
        {!enfant.reservee && !enfant.tardif && <span className="block text-sm font-normal">Sans réservation</span>}
        <QuiVientLeChercher habilitations={enfant.habilitations} />
        {enfant.bus && (
          <span className="mt-1 block text-sm font-bold">
            <span aria-hidden="true">🚌 </span>
            {busEnClair(enfant.bus)}
          </span>
        )}
      </th>
      <td className="py-2 pr-3">{enfant.groupe ?? "—"}</td>
      <td className="py-2 pr-3 text-sm">
        {santeVisible && sante ? (
          <>
            {sante.allergies.length > 0 && <p>Allergies : {sante.allergies.join(", ")}</p>}
            {sante.regimes.length > 0 && <p>Régime : {sante.regimes.join(", ")}</p>}
            {(sante.pai || enfant.paiDemande) && <p className="font-bold">PAI</p>}
            <Link href={`/agent/pointage/sante/${enfant.enfantId}`} className="print:hidden">
              Détail santé<span className="sr-only"> {de(nom)}</span>
            </Link>
          </>
        ) : enfant.paiDemande ? (
          <p>PAI : voir le responsable</p>
        ) : (
          "—"
        )}
      </td>
      <td className="py-2">
        {modifiable && (
          <FormPointage
            nom={`${nom}, ${unite}`}
            enfantId={enfant.enfantId}
            uniteId={uniteId}
            lieuId={lieuId}
            date={date}
            etat={enfant.pointage?.etat ?? null}
            choix={enfant.reservee || enfant.tardif ? ["PRESENT", "ABSENT"] : ["PRESENT_SANS_RESERVATION", "ABSENT"]}
          />
        )}
        {enfant.pointage ? (
          <p className="mt-1 text-sm">
            {enfant.pointage.etat === "ABSENT" ? "Absent" : "Présent"}, marqué le {dateHeure(enfant.pointage.marqueLe)}
            {enfant.pointage.par ? ` par ${enfant.pointage.par}` : ""}
          </p>
        ) : (
          !modifiable && <p className="text-sm">Non pointé</p>
        )}
        <span className="hidden print:inline">☐ présent ☐ absent</span>
      </td>
    </tr>
  );
}
