import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAgent } from "@/lib/auth/current";
import { eurosSaisie } from "@/lib/argent/argent";
import { LIGNES_TRANCHES } from "@/lib/domain/facturation/tarif";
import { tarifDeLUnite, uniteEtAnnee } from "@/lib/domain/facturation/tarifs";
import { enregistrerTarifAction } from "../../actions";
import { TarifForm } from "./TarifForm";
import { sansPointFinal } from "@/lib/texte/point-final";

export const metadata = { title: "Modifier un tarif" };

export default async function TarifPage({ params }: { params: Promise<{ annee: string; unite: string }> }) {
  await requireAgent("ADMIN");
  const { annee: a, unite: u } = await params;
  const [anneeId, uniteId] = [Number(a), Number(u)];
  if (!Number.isInteger(anneeId) || !Number.isInteger(uniteId)) notFound();
  const [[unite, annee], tarif] = await Promise.all([uniteEtAnnee(uniteId, anneeId), tarifDeLUnite(uniteId, anneeId)]);
  if (!unite || !annee) notFound();
  const valeurs: Record<string, string> = tarif
    ? {
        mode: tarif.mode,
        prix: eurosSaisie(tarif.prixCentimes),
        taux: tarif.tauxEffort?.toString().replace(".", ",") ?? "",
        min: eurosSaisie(tarif.minCentimes),
        max: eurosSaisie(tarif.maxCentimes),
        majoration: eurosSaisie(tarif.majorationCentimes),
        ...Object.fromEntries(
          tarif.tranches.flatMap((t, i) => [
            [`qfMin${i}`, String(t.qfMin)],
            [`qfMax${i}`, t.qfMax === null ? "" : String(t.qfMax)],
            [`prix${i}`, eurosSaisie(t.prixCentimes)],
          ]),
        ),
      }
    : { mode: "TRANCHES" };
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-1">
        Tarif : {unite.libelle}
      </h1>
      <p className="mb-4 font-semibold">
        {sansPointFinal(unite.activite.libelle)} — année {annee.libelle}
      </p>
      <TarifForm
        action={enregistrerTarifAction.bind(null, `${anneeId}:${uniteId}`)}
        valeurs={valeurs}
        lignes={LIGNES_TRANCHES}
      />
      <p className="mt-6">
        <Link href={`/agent/tarifs?annee=${anneeId}`}>Retour aux tarifs</Link>
      </p>
    </section>
  );
}
