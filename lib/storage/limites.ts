// The size limits of uploads, shared by the server's check (upload-check.ts) and the browser's, which refuses
// a file over the limit before sending it: the typed text is kept, and no body over the server's limit is sent.
export const PHOTO_MAX_OCTETS = 5 * 1024 * 1024;
export const PIECE_MAX_OCTETS = 10 * 1024 * 1024;

export const messageTropLourd = (maxOctets: number) =>
  `Le fichier dépasse ${Math.round(maxOctets / 1024 / 1024)} Mo : choisissez un fichier plus léger.`;
