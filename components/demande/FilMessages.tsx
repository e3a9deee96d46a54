// The Échanges thread. Each side sees the other's unread messages flagged "Nouveau" (the page marks them read
// after this render); the agents also see their internal notes, which the parent's query never returns.
import { horodatage } from "@/components/demande/Historique";
import type { DemandeMessage } from "@/lib/generated/prisma/client";

export function lienPiece(message: Pick<DemandeMessage, "id">) {
  return `/api/messages/${message.id}/piece`;
}

export const tailleKo = (octets: number | null) => `${Math.max(1, Math.round((octets ?? 0) / 1024))} Ko`;

export function FilMessages({
  messages,
  lecteur,
  demandeur,
}: {
  messages: DemandeMessage[];
  lecteur: "USAGER" | "AGENT";
  demandeur?: string;
}) {
  return (
    <ol className="mb-6 space-y-3" aria-label="Messages">
      {messages.map((message) => {
        const deLaMairie = message.auteur === "AGENT";
        const nouveau = message.auteur !== lecteur && !message.luAt;
        const auteur = deLaMairie
          ? `${message.auteurNom} (mairie)`
          : lecteur === "USAGER"
            ? "Vous"
            : `${demandeur ?? message.auteurNom} (demandeur)`;
        return (
          <li
            key={message.id}
            className={`rounded-md border p-3 ${message.interne ? "border-amber-400 bg-amber-50" : deLaMairie ? "border-sky-300 bg-sky-50 sm:mr-12" : "border-stone-200 sm:ml-12"}`}
          >
            <p className="text-sm text-stone-700">
              {auteur} — {horodatage(message.createdAt)}
              {message.interne && (
                <span className="ml-2 rounded-full bg-amber-800 px-2 font-bold text-white">Note interne</span>
              )}
              {nouveau && <span className="ml-2 rounded-full bg-marque px-2 font-bold text-white">Nouveau</span>}
            </p>
            {message.contenu && <p className="mt-1 whitespace-pre-line break-words">{message.contenu}</p>}
            {message.pieceKey && (
              <p className="mt-2">
                <a href={lienPiece(message)} target="_blank" rel="noopener">
                  {message.pieceNom}
                </a>{" "}
                <span className="text-sm text-stone-700">({tailleKo(message.pieceTaille)})</span>
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
