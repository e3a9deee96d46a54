import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { maintenant } from "@/lib/web/horloge";
import { demandeDuUsager } from "@/lib/domain/demande/queries";
import { DEMARCHES, libelleDemande } from "@/lib/domain/demarches";
import { AvisApresDepot } from "@/components/demande/AvisApresDepot";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Nous avons bien enregistré votre demande" };

// After VALIDER, as the seed shows it: the time, the number and the type of the demande.
export default async function DemandeEnregistreePage({ params }: { params: Promise<{ numero: string }> }) {
  const { numero } = await params;
  const { usager } = await requireUsager(`/demandes/${numero}/enregistree`);
  const demande = /^\d{1,9}$/.test(numero) ? await demandeDuUsager(usager.id, Number(numero)) : null;
  if (!demande?.deposeeAt) notFound();
  const type = DEMARCHES[demande.type];
  return (
    <section className="carte" aria-labelledby="titre">
      <p className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3 font-semibold" role="status">
        Votre demande {type.demandeDe ?? de(type.libelle.toLowerCase())} a été enregistrée et transmise
      </p>
      <h1 id="titre" className="titre-page mb-4">
        Nous avons bien enregistré votre demande
      </h1>
      <p className="text-stone-700">{formatParis(demande.deposeeAt, "d MMM yyyy HH:mm")}</p>
      <p className="text-xl font-bold">DEMANDE N° {demande.numero}</p>
      <p className="mb-4">
        <span className="uppercase">{type.domaine}</span> {libelleDemande(demande)}
      </p>
      {type.confirmation && <p className="mb-4 font-semibold">{type.confirmation}</p>}
      <p className="mb-6">
        Votre demande va être transmise au service concerné et vous serez tenu informé par Courriel {usager.courriel} de
        l&apos;avancement de son instruction. Un courriel de confirmation vient de vous être envoyé.
      </p>
      <AvisApresDepot avis={(await type.avisApresDepot?.(demande, await maintenant())) ?? null} />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link href="/mon-espace" className="bouton-principal no-underline">
          Continuer
        </Link>
        <Link href={`/demandes/${demande.numero}`} className="bouton-secondaire no-underline">
          Suivre ma demande
        </Link>
        <Link href="/infos-pratiques" className="bouton-discret no-underline">
          Aide
        </Link>
      </div>
    </section>
  );
}
