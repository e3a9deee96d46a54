// What the confirmation page adds after a deposit, as the démarche's definition words it (avisApresDepot): a
// notice, with a button when there is a next step, a warning, and the way through the menus.
import Link from "next/link";
import type { AvisApresDepot as Avis } from "@/lib/domain/demande/demarche";

export function AvisApresDepot({ avis }: { avis: Avis | null }) {
  if (!avis) return null;
  return (
    <div className="mb-6 space-y-3">
      <div className="rounded-md border-l-4 border-sky-700 bg-sky-50 p-3">
        <p className={avis.lien ? "mb-2" : undefined}>{avis.texte}</p>
        {avis.lien && (
          <Link href={avis.lien.href} className="bouton-principal no-underline">
            {avis.lien.libelle}
          </Link>
        )}
      </div>
      {avis.attention && (
        <p className="rounded-md border-l-4 border-marque bg-orange-50 p-3 font-bold">{avis.attention}</p>
      )}
      {avis.chemin && <p className="text-sm">{avis.chemin}</p>}
    </div>
  );
}
