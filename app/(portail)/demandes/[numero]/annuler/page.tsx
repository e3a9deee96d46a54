import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { demandeDuUsager } from "@/lib/domain/demande/queries";
import { AnnulerForm } from "./AnnulerForm";

export const metadata = { title: "Annuler la demande" };

export default async function AnnulerDemandePage({ params }: { params: Promise<{ numero: string }> }) {
  const { numero } = await params;
  const { usager } = await requireUsager(`/demandes/${numero}/annuler`);
  const demande = /^\d{1,9}$/.test(numero) ? await demandeDuUsager(usager.id, Number(numero)) : null;
  if (!demande) notFound();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Annuler la demande N° {demande.numero}
      </h1>
      {demande.statut === "DEPOSEE" ? (
        <>
          <p className="mb-6">
            Votre demande n&apos;a pas encore été prise en charge par les agents de la mairie. Voulez-vous vraiment
            l&apos;annuler ?
          </p>
          <AnnulerForm numero={demande.numero as number} />
        </>
      ) : (
        <p className="mb-6">
          Cette demande ne peut plus être annulée : elle est déjà traitée par les agents de la mairie. Écrivez-leur dans
          les Échanges.
        </p>
      )}
      <Link href={`/demandes/${demande.numero}`}>Retour au suivi de la demande</Link>
    </section>
  );
}
