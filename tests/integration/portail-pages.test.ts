// The portal's pages on PostgreSQL: agents write the actualités, documents utiles and infos pratiques (each
// command journaled); a usager's id or a disabled agent's writes nothing; a document's file is judged by its
// bytes; the public download route serves it under its name and type, and forgets it once withdrawn.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage/storage";
import {
  changerPublication,
  creerActualite,
  modifierActualite,
  supprimerActualite,
} from "@/lib/domain/portail/actualites";
import { ajouterDocumentUtile, retirerDocumentUtile } from "@/lib/domain/portail/documents-utiles";
import { modifierInfosPratiques } from "@/lib/domain/portail/infos-pratiques";
import { actualitesPubliees, infosPratiques } from "@/lib/domain/portail/queries";
import { GET as telecharger } from "@/app/api/documents-utiles/[id]/route";
import { pdfSimple } from "@/prisma/demo-portail";
import { seedCommune } from "@/prisma/seed";
import { agent as creerAgent, usagerActive } from "./demande-fixtures";

let agentId: string;
let usagerId: string;
const MENU = pdfSimple(["Menus de janvier"]);

function fichier(bytes: Uint8Array<ArrayBuffer>, nom: string, type = "application/pdf"): File {
  return new File([bytes], nom, { type });
}

function ouvrir(id: string) {
  return telecharger(new Request(`http://portail.test/api/documents-utiles/${id}`), {
    params: Promise.resolve({ id }),
  });
}

async function refus(promesse: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  await seedCommune();
  agentId = (await creerAgent()).id;
  usagerId = (await usagerActive()).id;
});

describe("actualités", () => {
  it("an agent publishes one at once or keeps it as a brouillon; only published ones are shown; each step is journaled", async () => {
    const { id: publiee } = await creerActualite({
      agentId,
      saisie: { titre: "Fermeture de Noël", texte: "Le service est fermé le 24.", statut: "PUBLIEE" },
    });
    const { id: brouillon } = await creerActualite({
      agentId,
      saisie: { titre: "Menus de printemps", texte: "Bientôt.", statut: "BROUILLON" },
    });
    expect((await actualitesPubliees()).map((a) => a.id)).toEqual([publiee]);

    await changerPublication({ agentId, id: brouillon, publier: true });
    await changerPublication({ agentId, id: publiee, publier: false });
    expect((await actualitesPubliees()).map((a) => a.id)).toEqual([brouillon]);

    // a rewrite keeps the publication date; BROUILLON takes it off the public page
    const publieeLe = (await actualitesPubliees())[0]?.publieeLe;
    expect(publieeLe).toBeInstanceOf(Date);
    await modifierActualite({
      agentId,
      id: brouillon,
      saisie: { titre: "Menus de printemps 2027", texte: "Les voici.", statut: "PUBLIEE" },
    });
    expect(await actualitesPubliees()).toMatchObject([
      { id: brouillon, titre: "Menus de printemps 2027", texte: "Les voici.", publieeLe },
    ]);
    await modifierActualite({
      agentId,
      id: brouillon,
      saisie: { titre: "Menus de printemps 2027", texte: "Les voici.", statut: "BROUILLON" },
    });
    expect(await actualitesPubliees()).toEqual([]);

    await supprimerActualite({ agentId, id: brouillon });
    await refus(supprimerActualite({ agentId, id: brouillon }), "introuvable");

    const evenements = await db().journalEntry.findMany({
      where: { actorId: agentId, event: { startsWith: "actualite." } },
      orderBy: { createdAt: "asc" },
    });
    expect(evenements.map((e) => e.event)).toEqual([
      "actualite.creee",
      "actualite.creee",
      "actualite.publiee",
      "actualite.retiree",
      "actualite.modifiee",
      "actualite.modifiee",
      "actualite.supprimee",
    ]);
  });
});

describe("autorisation", () => {
  it("a usager's id (or a disabled agent's) writes nothing through any command", async () => {
    const inactif = await creerAgent("Inactif");
    await db().agent.update({ where: { id: inactif.id }, data: { active: false } });
    const { id: existante } = await creerActualite({
      agentId,
      saisie: { titre: "Existante", texte: "Texte", statut: "PUBLIEE" },
    });
    const avant = {
      actualites: await db().actualite.count(),
      documents: await db().documentUtile.count(),
      journal: await db().journalEntry.count(),
    };

    for (const intrus of [usagerId, inactif.id, "pas-un-id"]) {
      await refus(
        creerActualite({ agentId: intrus, saisie: { titre: "Intrus", texte: "Texte", statut: "PUBLIEE" } }),
        "interdit",
      );
      await refus(changerPublication({ agentId: intrus, id: existante, publier: false }), "interdit");
      await refus(
        modifierActualite({
          agentId: intrus,
          id: existante,
          saisie: { titre: "Intrus", texte: "Texte", statut: "BROUILLON" },
        }),
        "interdit",
      );
      await refus(supprimerActualite({ agentId: intrus, id: existante }), "interdit");
      await refus(
        ajouterDocumentUtile({
          agentId: intrus,
          saisie: { intitule: "Intrus", categorie: "MENUS" },
          fichier: fichier(MENU, "menu.pdf"),
        }),
        "interdit",
      );
      await refus(
        modifierInfosPratiques({
          agentId: intrus,
          saisie: { horaires: "Jamais", adresse: undefined, contacts: undefined },
        }),
        "interdit",
      );
    }
    expect({
      actualites: await db().actualite.count(),
      documents: await db().documentUtile.count(),
      journal: await db().journalEntry.count(),
    }).toEqual(avant);
    expect((await db().actualite.findUniqueOrThrow({ where: { id: existante } })).publieeLe).not.toBeNull();
    expect((await infosPratiques()).horaires).toBe("");
  });
});

describe("documents utiles", () => {
  it("refuses a renamed executable, an HEIC photo, an empty file, an 11 Mo file and a missing file, beside the file field", async () => {
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00], 0); // "MZ": a Windows executable
    const heic = new Uint8Array(64);
    heic.set([0, 0, 0, 0x18, ...Buffer.from("ftypheic"), 0, 0, 0, 0, ...Buffer.from("mif1heic")], 0);
    const gros = new Uint8Array(11 * 1024 * 1024);
    gros.set(MENU, 0);
    const avant = await db().documentUtile.count();
    for (const mauvais of [
      fichier(exe, "menu.pdf"),
      fichier(heic, "photo.heic", "image/heic"),
      fichier(new Uint8Array(0), "vide.pdf"),
      fichier(gros, "gros.pdf"),
      null,
    ]) {
      const error = await refus(
        ajouterDocumentUtile({ agentId, saisie: { intitule: "Menus", categorie: "MENUS" }, fichier: mauvais }),
        "fichier",
      );
      expect(error.field).toBe("fichier");
      expect(error.message).toMatch(/PDF|vide|Mo/);
    }
    expect(await db().documentUtile.count()).toBe(avant);
  });

  it("stores a PDF with its hash; everyone downloads it under its name and type; once withdrawn it is gone", async () => {
    const { id } = await ajouterDocumentUtile({
      agentId,
      saisie: { intitule: "Menus de janvier", categorie: "MENUS" },
      fichier: fichier(MENU, "../menus janvier é.pdf", "text/html"),
    });
    const document = await db().documentUtile.findUniqueOrThrow({ where: { id } });
    expect(document).toMatchObject({
      titre: "Menus de janvier",
      categorie: "MENUS",
      type: "application/pdf",
      nomFichier: "menus janvier é.pdf",
      taille: MENU.length,
    });
    expect(document.sha256).toBe(createHash("sha256").update(MENU).digest("hex"));

    const reponse = await ouvrir(id);
    expect(reponse.status).toBe(200);
    expect(reponse.headers.get("content-type")).toBe("application/pdf");
    expect(reponse.headers.get("content-disposition")).toBe(
      `attachment; filename="menus janvier e.pdf"; filename*=UTF-8''menus%20janvier%20%C3%A9.pdf`,
    );
    expect(reponse.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await reponse.arrayBuffer()).equals(Buffer.from(MENU))).toBe(true);

    expect((await ouvrir("00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await ouvrir("../../etc/passwd")).status).toBe(404);

    await retirerDocumentUtile({ agentId, id });
    expect((await ouvrir(id)).status).toBe(404);
    expect(await getStorage().get(document.fichierKey)).toBeNull();
    expect(
      await db().journalEntry.count({
        where: { actorId: agentId, event: { in: ["document_utile.publie", "document_utile.retire"] } },
      }),
    ).toBe(2);
  });
});

describe("infos pratiques", () => {
  it("an agent fills the hours, address and contacts; emptied fields are stored empty", async () => {
    await modifierInfosPratiques({
      agentId,
      saisie: { horaires: "Lundi au vendredi", adresse: "Place de la Mairie", contacts: "05 59 44 00 00" },
    });
    expect(await infosPratiques()).toMatchObject({
      horaires: "Lundi au vendredi",
      adresse: "Place de la Mairie",
      contacts: "05 59 44 00 00",
    });
    await modifierInfosPratiques({
      agentId,
      saisie: { horaires: "Lundi au jeudi", adresse: undefined, contacts: undefined },
    });
    expect(await infosPratiques()).toMatchObject({ horaires: "Lundi au jeudi", adresse: "", contacts: "" });
    expect(await db().journalEntry.count({ where: { actorId: agentId, event: "infos_pratiques.modifiees" } })).toBe(2);
  });
});
