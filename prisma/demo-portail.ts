// The demo's portal pages: the commune's main site, one actualité, the December menu as a PDF, and the infos pratiques, written through
// the agents' own commands. Skipped when the agents already wrote any of them (running the seed twice
// changes nothing).
import { db } from "@/lib/db";
import { creerActualite } from "@/lib/domain/portail/actualites";
import { ajouterDocumentUtile } from "@/lib/domain/portail/documents-utiles";
import { modifierInfosPratiques } from "@/lib/domain/portail/infos-pratiques";

/** A one-page PDF showing `lignes` (Helvetica, WinAnsi: accents allowed), with a correct cross-reference table. */
export function pdfSimple(lignes: string[]): Uint8Array<ArrayBuffer> {
  const texte = lignes
    .map(
      (ligne, i) => `BT /F1 ${i === 0 ? 18 : 12} Tf 56 ${780 - i * 24} Td (${ligne.replace(/[\\()]/g, "\\$&")}) Tj ET`,
    )
    .join("\n");
  const objets = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(texte, "latin1")} >>\nstream\n${texte}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const positions: number[] = [];
  objets.forEach((objet, i) => {
    positions.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${objet}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objets.length + 1}\n0000000000 65535 f \n${positions.map((p) => `${String(p).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}

export async function seedPortail(agentId: string): Promise<void> {
  // The footer's "Retour au site principal" needs the commune's site (set in Paramétrage on a real install).
  await db().commune.updateMany({ where: { id: 1, siteUrl: null }, data: { siteUrl: "https://www.villefranque.fr" } });
  // The seed's transport scolaire operator (its dossier santé's last sentence names it).
  await db().commune.updateMany({
    where: { id: 1, transportOperateur: null },
    data: { transportOperateur: "TXIK TXAK" },
  });
  if ((await db().actualite.count()) === 0) {
    await creerActualite({
      agentId,
      saisie: {
        titre: "Inscriptions à la cantine pour janvier",
        texte:
          "Les inscriptions à la restauration scolaire pour le mois de janvier sont ouvertes sur le portail jusqu'au 15 décembre.",
        statut: "PUBLIEE",
      },
    });
  }
  if ((await db().documentUtile.count()) === 0) {
    const menu = pdfSimple([
      "Menus de décembre",
      "Restaurant scolaire de Villefranque",
      "Lundi : potage, poulet rôti, haricots verts, yaourt.",
    ]);
    await ajouterDocumentUtile({
      agentId,
      saisie: { intitule: "Menus de décembre", categorie: "MENUS" },
      fichier: new File([menu], "menus-decembre.pdf", { type: "application/pdf" }),
    });
  }
  if (!(await db().infosPratiques.findUnique({ where: { id: 1 } }))) {
    await modifierInfosPratiques({
      agentId,
      saisie: {
        horaires:
          "Service Enfance : du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h.\nFermé le mercredi après-midi.",
        adresse: "Mairie de Villefranque\nPlace de la Mairie\n64990 Villefranque",
        contacts:
          "Service Enfance : 05 59 44 00 00, enfance@mairie-villefranque.fr\nRestaurant scolaire : 05 59 44 00 01",
      },
    });
  }
}
