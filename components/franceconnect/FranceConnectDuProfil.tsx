// Modifier mon espace: whether FranceConnect opens this space, and "Dissocier FranceConnect".
import Link from "next/link";
import { config } from "@/lib/config";
import { ActionForm } from "@/components/ui/ActionForm";
import { dissocierFranceConnectAction } from "@/app/(portail)/mon-profil/franceconnect/actions";

export function FranceConnectDuProfil({ associe, avecMotDePasse }: { associe: boolean; avecMotDePasse: boolean }) {
  if (!associe && !config.franceconnect) return null;
  if (!associe) {
    return (
      <section className="carte" aria-labelledby="franceconnect">
        <h2 id="franceconnect" className="mb-2 text-lg font-bold uppercase">
          FranceConnect
        </h2>
        <p>
          Votre espace n&apos;est pas associé à FranceConnect. Pour l&apos;associer, choisissez « S&apos;identifier avec
          FranceConnect » sur la page de connexion, puis « J&apos;ai déjà un espace ».
        </p>
      </section>
    );
  }
  return (
    <section className="carte" aria-labelledby="franceconnect">
      <h2 id="franceconnect" className="mb-2 text-lg font-bold uppercase">
        FranceConnect
      </h2>
      <p className="mb-4">Votre espace est associé à FranceConnect : vous pouvez vous connecter avec FranceConnect.</p>
      {!avecMotDePasse && (
        <p className="mb-4">
          Votre espace n&apos;a pas de mot de passe. Pour en choisir un, utilisez{" "}
          <Link href="/mot-de-passe-oublie">J&apos;ai oublié mon mot de passe.</Link>
        </p>
      )}
      <ActionForm action={dissocierFranceConnectAction} bouton="Dissocier FranceConnect" champs={[]} ton="danger" />
    </section>
  );
}
