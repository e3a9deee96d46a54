// Uploads to POST /api/pieces, as the inscription and Mes documents pages send them: judged by their bytes, a
// refusal is a French message and leaves neither a stored file nor a row behind.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { connecte, requete, serveur, type Client } from "./client";
import { familleComplete, PDF } from "./fixtures";

const NON_ACCEPTE = "Ce fichier n'est pas accepté : formats possibles PDF, JPEG, PNG, HEIC, 10 Mo au maximum.";

let parent: Client;
let familleId: string;

beforeAll(async () => {
  const famille = await familleComplete("Lafitte");
  familleId = famille.familleId;
  parent = await connecte({ kind: "USAGER", usagerId: famille.usager.id });
});

function envoyer(fichier: File) {
  const formulaire = new FormData();
  formulaire.append("type", "LIVRET_FAMILLE");
  formulaire.append("fichier", fichier);
  return requete(parent, "/api/pieces", { method: "POST", body: formulaire });
}

/** Every stored file (other test files store theirs beside: each test looks for its own bytes). */
function fichiersStockes(): string[] {
  try {
    return readdirSync(serveur.storageDir, { recursive: true })
      .map((nom) => join(serveur.storageDir, String(nom)))
      .filter((chemin) => statSync(chemin).isFile());
  } catch {
    return [];
  }
}

const stocke = (octets: Uint8Array) =>
  fichiersStockes().some((chemin) => Buffer.from(readFileSync(chemin)).equals(Buffer.from(octets)));

const piecesDeLaFamille = () => db().pieceJustificative.count({ where: { familleId } });

function fichier(octets: Uint8Array<ArrayBuffer>, nom: string, type: string) {
  return new File([octets], nom, { type });
}

const enOctets = (texte: string) => new TextEncoder().encode(texte);

describe("POST /api/pieces", () => {
  it("un vrai PDF est gardé : le fichier et sa ligne", async () => {
    const avant = await piecesDeLaFamille();
    const octets = enOctets(PDF.replace("%%EOF", `% ${Date.now()}\n%%EOF`));
    const reponse = await envoyer(fichier(octets, "livret.pdf", "application/pdf"));
    expect(reponse.status).toBe(200);
    expect((await reponse.json()).piece).toMatchObject({
      type: "LIVRET_FAMILLE",
      nom: "livret.pdf",
      mime: "application/pdf",
    });
    expect(await piecesDeLaFamille()).toBe(avant + 1);
    expect(stocke(octets)).toBe(true);
  });

  const refus: [string, () => File, number, string][] = [
    [
      "un exécutable renommé en .pdf",
      () =>
        fichier(
          enOctets(`MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode ${Date.now()}`),
          "livret.pdf",
          "application/pdf",
        ),
      400,
      NON_ACCEPTE,
    ],
    [
      "une image GIF",
      () =>
        fichier(enOctets(`GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;${Date.now()}`), "livret.gif", "image/gif"),
      400,
      NON_ACCEPTE,
    ],
    [
      "un faux PDF (l'en-tête, puis n'importe quoi)",
      () => fichier(enOctets(`%PDF-1.7\nceci n'est pas un PDF ${Date.now()}`), "livret.pdf", "application/pdf"),
      400,
      "Ce PDF est illisible (abîmé ou protégé par un mot de passe) : enregistrez-le de nouveau ou envoyez une photo du document.",
    ],
    [
      "un fichier vide",
      () => fichier(new Uint8Array(0), "livret.pdf", "application/pdf"),
      400,
      "Le fichier est vide : choisissez un autre fichier.",
    ],
    [
      "un fichier de 11 Mo",
      () => {
        const octets = new Uint8Array(11 * 1024 * 1024);
        octets.set(enOctets(PDF));
        return fichier(octets, "livret.pdf", "application/pdf");
      },
      413,
      "Le fichier dépasse 10 Mo : choisissez un fichier plus léger.",
    ],
  ];

  it.each(refus)(
    "%s est refusé, avec un message en français, sans rien garder",
    async (_cas, construire, statut, message) => {
      const avant = await piecesDeLaFamille();
      const envoye = construire();
      const reponse = await envoyer(envoye);
      expect(reponse.status).toBe(statut);
      expect(await reponse.json()).toEqual({ message });
      expect(await piecesDeLaFamille()).toBe(avant);
      if (envoye.size > 0) expect(stocke(new Uint8Array(await envoye.arrayBuffer()))).toBe(false);
    },
  );
});
