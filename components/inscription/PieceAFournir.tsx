"use client";
// One line of PIÈCES JOINTES: AJOUTER LA PIÈCE À FOURNIR (a file, or a photo taken with the phone), the
// progress of the upload, the document attached (opened through the authorized route), or a document the
// family already provided this year picked instead. Refusals are shown beside the piece.
import { useId, useState, type ChangeEvent } from "react";
import { ACCEPT_PIECE, envoyerPiece, type PieceClient } from "@/components/inscription/envoi";

type Props = {
  demandeId: string;
  type: string;
  libelle: string;
  obligatoire: boolean;
  initiale: PieceClient | null;
  reutilisables: PieceClient[];
};

const ko = (octets: number) => `${Math.max(1, Math.round(octets / 1024))} Ko`;
const jour = (iso: string) => new Date(iso).toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" });

export function PieceAFournir({ demandeId, type, libelle, obligatoire, initiale, reutilisables }: Props) {
  const [piece, setPiece] = useState<PieceClient | null>(initiale);
  const [progression, setProgression] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [choisie, setChoisie] = useState("");
  const id = useId();
  const autres = reutilisables.filter((r) => r.id !== piece?.id);

  async function poster(champs: Record<string, string | File>) {
    const form = new FormData();
    form.set("demandeId", demandeId);
    form.set("type", type);
    for (const [cle, valeur] of Object.entries(champs)) form.set(cle, valeur);
    setMessage(null);
    setProgression(champs.fichier ? 0 : null);
    const { ok, reponse } = await envoyerPiece(form, champs.fichier ? setProgression : undefined);
    setProgression(null);
    if (!ok) return setMessage(reponse.message ?? "L'envoi a échoué : réessayez.");
    if (reponse.piece) setPiece(reponse.piece);
    if (reponse.retire) setPiece(null);
  }

  function onFichier(event: ChangeEvent<HTMLInputElement>) {
    const fichier = event.target.files?.[0];
    event.target.value = "";
    if (fichier) void poster({ fichier });
  }

  const envoiEnCours = progression !== null;
  return (
    <li className="rounded-md border border-stone-300 p-3" aria-labelledby={`${id}-titre`}>
      <p id={`${id}-titre`} className="font-semibold">
        {obligatoire && (
          <span aria-hidden="true" className="mr-1 text-red-700">
            *
          </span>
        )}
        {libelle}
        {obligatoire && <span className="sr-only"> (obligatoire)</span>}
      </p>
      {piece ? (
        <p className="my-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          <span>
            Fourni :{" "}
            <a href={`/api/pieces/${piece.id}`} target="_blank" rel="noopener">
              {piece.nom}
            </a>{" "}
            <span className="text-sm text-stone-700">({ko(piece.taille)})</span>
          </span>
          <button
            type="button"
            className="bouton-discret"
            onClick={() => void poster({ retirer: "1" })}
            disabled={envoiEnCours}
          >
            Retirer<span className="sr-only"> la pièce {libelle}</span>
          </button>
        </p>
      ) : (
        <p className="my-2 text-sm text-stone-700">Aucun document fourni.</p>
      )}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <label className="bouton-secondaire cursor-pointer focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-marque-fonce">
          Ajouter la pièce à fournir<span className="sr-only"> : {libelle}</span>
          <input
            type="file"
            accept={ACCEPT_PIECE}
            className="sr-only"
            onChange={onFichier}
            disabled={envoiEnCours}
            aria-describedby={`${id}-message`}
          />
        </label>
        <label className="bouton-discret cursor-pointer focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-marque-fonce">
          Prendre une photo<span className="sr-only"> : {libelle}</span>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            onChange={onFichier}
            disabled={envoiEnCours}
            aria-describedby={`${id}-message`}
          />
        </label>
      </div>
      {envoiEnCours && (
        <p className="mt-2 flex items-center gap-2 text-sm">
          <progress max={100} value={progression} aria-label={`Envoi de la pièce ${libelle}`} className="w-48" />
          <span aria-hidden="true">{progression} %</span>
        </p>
      )}
      {autres.length > 0 && (
        <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="grow">
            <label htmlFor={`${id}-reutiliser`} className="mb-1 block text-sm font-semibold">
              Ou choisir un document déjà fourni : {libelle}
            </label>
            <select
              id={`${id}-reutiliser`}
              className="champ"
              value={choisie}
              onChange={(e) => setChoisie(e.target.value)}
            >
              <option value="">Choisir…</option>
              {autres.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.nom} (déposé le {jour(r.uploadedAt)})
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="bouton-secondaire"
            disabled={!choisie || envoiEnCours}
            onClick={() => void poster({ pieceId: choisie })}
          >
            Utiliser ce document<span className="sr-only"> pour la pièce {libelle}</span>
          </button>
        </div>
      )}
      <p id={`${id}-message`} aria-live="polite" className="mt-1 text-sm font-semibold text-red-700">
        {message}
      </p>
    </li>
  );
}
