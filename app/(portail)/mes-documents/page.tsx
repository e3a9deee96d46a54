import Link from "next/link";
import { tailleKo } from "@/components/demande/FilMessages";
import { requireUsager } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { libelleDemande } from "@/lib/domain/demarches";
import { PIECES } from "@/lib/domain/inscription/regles";
import { mesDocuments } from "@/lib/domain/piece/pieces";
import { AjoutDocument } from "./AjoutDocument";
import { sansPointFinal } from "@/lib/texte/point-final";

export const metadata = { title: "Mes documents" };

// The seed's "espace de stockage sécurisé": every document the family sent, the demandes using it, and a
// way to add one ahead of a démarche. Each opens through the authorized download route.
export default async function MesDocumentsPage() {
  const { usager } = await requireUsager("/mes-documents");
  const documents = await mesDocuments(usager.id);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Mes documents
      </h1>
      {documents === null ? (
        <p>
          Votre famille doit d&apos;abord être validée par le service Enfance :{" "}
          <Link href="/famille/declarer">déclarer ma famille</Link>.
        </p>
      ) : (
        <>
          <p className="mb-4">
            Votre espace de stockage sécurisé : les pièces justificatives de votre famille. Un document déjà fourni dans
            l&apos;année peut être choisi pour une nouvelle inscription sans l&apos;envoyer de nouveau.
          </p>
          {documents.length === 0 ? (
            <p className="mb-6">Aucun document pour l&apos;instant.</p>
          ) : (
            <ul className="mb-6 divide-y divide-stone-200">
              {documents.map((document) => (
                <li key={document.id} className="py-3">
                  <p className="font-semibold">{PIECES[document.type]}</p>
                  <p>
                    <a href={`/api/pieces/${document.id}`} target="_blank" rel="noopener">
                      {document.nom}
                    </a>{" "}
                    <span className="text-sm text-stone-700">
                      ({tailleKo(document.taille)}, déposé le {formatParis(document.uploadedAt, "dd/MM/yyyy")})
                    </span>
                  </p>
                  <p className="text-sm">
                    {document.demandes.length === 0
                      ? "Utilisé par aucune demande."
                      : `Utilisé par : ${document.demandes.map(({ demande }) => `N° ${demande.numero} ${sansPointFinal(libelleDemande(demande))}`).join(" ; ")}`}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h2 className="mb-3 text-lg font-bold uppercase">Ajouter un document</h2>
          <p className="mb-3 text-sm text-stone-700">
            Formats acceptés : PDF, JPEG, PNG ou HEIC (photo d&apos;iPhone), 10 Mo au maximum.
          </p>
          <AjoutDocument types={PIECES} />
        </>
      )}
      <p className="mt-6">
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </section>
  );
}
