// Sends a form to the pieces route with XMLHttpRequest, whose upload events give the progress bar (fetch
// gives none). Answers the route's JSON, or a French message when the network fails.
export type PieceClient = { id: string; type: string; nom: string; taille: number; uploadedAt: string };

export type Reponse = { piece?: PieceClient; retire?: string; message?: string };

/** What the pickers accept: the formats of PIECE_RULE (the server checks the bytes anyway). */
export const ACCEPT_PIECE = "application/pdf,image/jpeg,image/png,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.heic";

export function envoyerPiece(
  form: FormData,
  onProgress?: (pourcent: number) => void,
): Promise<{ ok: boolean; reponse: Reponse }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/pieces");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      const reponse = (xhr.response ?? {}) as Reponse;
      resolve({
        ok: xhr.status >= 200 && xhr.status < 300,
        reponse: reponse.message || xhr.status < 300 ? reponse : { message: "L'envoi a échoué : réessayez." },
      });
    };
    xhr.onerror = () =>
      resolve({ ok: false, reponse: { message: "L'envoi a échoué (connexion interrompue) : réessayez." } });
    xhr.send(form);
  });
}
