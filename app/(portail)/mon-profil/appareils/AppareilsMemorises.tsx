// Mon profil, « Appareils mémorisés »: the devices where the parent chose « Se souvenir de moi sur cet
// appareil » (lib/auth/appareils.ts), each with « Oublier cet appareil », and « Oublier tous les appareils ».
import { ActionForm } from "@/components/ui/ActionForm";
import { Alert } from "@/components/ui/Alert";
import type { AppareilMemorise } from "@/lib/auth/appareils";
import { dateHeure } from "@/lib/temps/dates";
import { oublierAppareilAction, oublierTousLesAppareilsAction } from "./actions";

const OUBLIS = {
  un: "L'appareil est oublié : il faudra s'y connecter de nouveau.",
  tous: "Vos appareils sont oubliés : il faudra s'y connecter de nouveau.",
};

/** `oubli`: what was just forgotten (the address's ?oubli=, set by the actions). */
export function AppareilsMemorises({ appareils, oubli }: { appareils: AppareilMemorise[]; oubli?: string }) {
  return (
    <section className="carte" aria-labelledby="appareils">
      <h2 id="appareils" className="mb-2 text-lg font-bold uppercase">
        Appareils mémorisés
      </h2>
      {(oubli === "un" || oubli === "tous") && <Alert kind="succes" reponse title={OUBLIS[oubli]} />}
      {appareils.length === 0 ? (
        <p>
          Aucun appareil n&apos;est mémorisé. Cochez « Se souvenir de moi sur cet appareil » en vous connectant pour
          rester connecté 30 jours sur un appareil qui n&apos;est qu&apos;à vous.
        </p>
      ) : (
        <>
          <p className="mb-4">
            Sur ces appareils, vous restez connecté 30 jours sans saisir votre mot de passe. Oubliez celui que vous ne
            reconnaissez pas ou que vous n&apos;utilisez plus.
          </p>
          <ul className="mb-4 space-y-4">
            {appareils.map((a) => (
              <li key={a.id} className="border-b border-stone-200 pb-4">
                <p className="font-semibold">
                  {a.appareil}
                  {a.courant && <span className="ml-2 rounded bg-stone-100 px-2 text-sm">cet appareil</span>}
                </p>
                <p className="mb-2 text-sm">
                  Mémorisé depuis le {dateHeure(a.depuis)}, dernière visite le {dateHeure(a.vuLe)}
                </p>
                <ActionForm
                  action={oublierAppareilAction}
                  bouton="Oublier cet appareil"
                  champs={[]}
                  cachees={{ session: a.id }}
                  ton="danger"
                />
              </li>
            ))}
          </ul>
          <ActionForm
            action={oublierTousLesAppareilsAction}
            bouton="Oublier tous les appareils"
            champs={[]}
            ton="danger"
          />
        </>
      )}
    </section>
  );
}
