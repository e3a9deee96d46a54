// The demande's PIÈCES JOINTES on the agent's screen: the démarche's pièces justificatives, each with its
// « Vérifiée » toggle, then the files sent with the messages of Échanges.
import { lienPiece, tailleKo } from "@/components/demande/FilMessages";
import { horodatage } from "@/components/demande/Historique";
import type { piecesPourAgent } from "@/lib/domain/piece/verifier";
import type { DemandeAgent } from "@/lib/domain/demande/queries-console";
import { verifierPieceAction } from "./actions";

type Props = {
  numero: number;
  justificatifs: Awaited<ReturnType<typeof piecesPourAgent>>;
  /** the messages that carry a file */
  messages: DemandeAgent["messages"];
  /** how the parent's messages are signed */
  demandeur: string;
};

export function PiecesJointes({ numero, justificatifs, messages: pieces, demandeur }: Props) {
  const nbPieces = justificatifs.length + pieces.length;
  return (
    <section aria-labelledby="pieces">
      <h2 id="pieces" className="mb-4 text-lg font-bold uppercase">
        Pièces jointes ({nbPieces})
      </h2>
      {nbPieces === 0 && <p>Aucune pièce jointe.</p>}
      {justificatifs.length > 0 && (
        <ul className="mb-3 space-y-2">
          {justificatifs.map((piece) => (
            <li
              key={piece.id}
              className="flex flex-col gap-2 rounded-md border border-stone-300 p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <p className="min-w-0 break-words">
                <span className="block font-semibold">{piece.libelle}</span>
                <a href={`/api/pieces/${piece.id}`} target="_blank" rel="noopener">
                  {piece.nom}
                </a>{" "}
                <span className="text-sm text-stone-700">({tailleKo(piece.taille)})</span>
                {piece.verifieeAt && (
                  <span className="block text-sm text-green-800">
                    Vérifiée par {piece.verifieePar} le {horodatage(piece.verifieeAt)}
                  </span>
                )}
              </p>
              <form action={verifierPieceAction}>
                <input type="hidden" name="numero" value={numero} />
                <input type="hidden" name="piece" value={piece.id} />
                <input type="hidden" name="verifiee" value={piece.verifieeAt ? "non" : "oui"} />
                <button type="submit" className="bouton-secondaire" aria-pressed={piece.verifieeAt !== null}>
                  <span aria-hidden="true">{piece.verifieeAt ? "☑ " : "☐ "}</span>
                  Vérifiée<span className="sr-only"> : {piece.libelle}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {pieces.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {pieces.map((message) => (
            <li key={message.id}>
              <a href={lienPiece(message)} target="_blank" rel="noopener">
                {message.pieceNom}
              </a>{" "}
              <span className="text-sm text-stone-700">
                ({tailleKo(message.pieceTaille)}, {message.auteur === "AGENT" ? message.auteurNom : demandeur},{" "}
                {horodatage(message.createdAt)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
