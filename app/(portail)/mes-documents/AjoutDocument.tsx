"use client";
// AJOUTER UN DOCUMENT to Mes documents: its type, then the file (or a photo), with the upload's progress;
// a refusal is shown beside the field, a success refreshes the list.
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { ACCEPT_PIECE, envoyerPiece } from "@/components/inscription/envoi";

export function AjoutDocument({ types }: { types: Record<string, string> }) {
  const router = useRouter();
  const [type, setType] = useState("");
  const [progression, setProgression] = useState<number | null>(null);
  const [message, setMessage] = useState<{ erreur: boolean; texte: string } | null>(null);

  async function onFichier(event: ChangeEvent<HTMLInputElement>) {
    const fichier = event.target.files?.[0];
    event.target.value = "";
    if (!fichier) return;
    if (!type) return setMessage({ erreur: true, texte: "Choisissez d'abord le type de document." });
    const form = new FormData();
    form.set("type", type);
    form.set("fichier", fichier);
    setMessage(null);
    setProgression(0);
    const { ok, reponse } = await envoyerPiece(form, setProgression);
    setProgression(null);
    if (!ok) return setMessage({ erreur: true, texte: reponse.message ?? "L'envoi a échoué : réessayez." });
    setMessage({ erreur: false, texte: `Le document « ${reponse.piece?.nom} » est ajouté.` });
    router.refresh();
  }

  return (
    <div className="rounded-md bg-stone-100 p-3">
      <div className="mb-3">
        <label htmlFor="type-document" className="mb-1 block font-semibold">
          Type de document
        </label>
        <select
          id="type-document"
          className="champ"
          value={type}
          onChange={(e) => setType(e.target.value)}
          aria-describedby="ajout-message"
        >
          <option value="">Choisir…</option>
          {Object.entries(types).map(([valeur, libelle]) => (
            <option key={valeur} value={valeur}>
              {libelle}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label className="bouton-principal cursor-pointer focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-marque-fonce">
          Ajouter un document
          <input
            type="file"
            accept={ACCEPT_PIECE}
            className="sr-only"
            onChange={onFichier}
            disabled={progression !== null}
            aria-describedby="ajout-message"
          />
        </label>
        <label className="bouton-secondaire cursor-pointer focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-marque-fonce">
          Prendre une photo
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            onChange={onFichier}
            disabled={progression !== null}
            aria-describedby="ajout-message"
          />
        </label>
      </div>
      {progression !== null && (
        <p className="mt-2 flex items-center gap-2 text-sm">
          <progress max={100} value={progression} aria-label="Envoi du document" className="w-48" />
          <span aria-hidden="true">{progression} %</span>
        </p>
      )}
      <p
        id="ajout-message"
        aria-live="polite"
        className={`mt-2 text-sm font-semibold ${message?.erreur ? "text-red-700" : "text-green-800"}`}
      >
        {message?.texte}
      </p>
    </div>
  );
}
