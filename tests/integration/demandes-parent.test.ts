// The demande engine on PostgreSQL, the parent's side: an agent's message flagged until read and mailed without
// its content; a second family kept out of the first's demande, suivi link, messages, pieces and transitions; a
// withdrawal allowed only before an agent takes the demande up.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedCommune } from "@/prisma/seed";
import { franchir, type ActeurRef } from "@/lib/domain/demande/transition";
import { TRANSITION_NAMES } from "@/lib/domain/demande/transitions";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { annulerDemande } from "@/lib/domain/demande/annuler";
import { DEMARCHES } from "@/lib/domain/demarches";
import { envoyerMessage, marquerMessagesLus, pieceDuMessage } from "@/lib/domain/demande/messages";
import { demandeDuUsager, mesDemandes, numeroParSuivi } from "@/lib/domain/demande/queries";
import { agent, declarerFamille, usagerActive } from "./demande-fixtures";

beforeAll(() => seedCommune());

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describe("Échanges", () => {
  it("flags an agent's message until the parent reads it, and mails its existence but never its content", async () => {
    const usager = await usagerActive();
    const demandeId = await declarerFamille(usager);
    const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
    const instructeur = await agent();
    await envoyerMessage({
      demandeId,
      auteur: { kind: "AGENT", agentId: instructeur.id, nom: "Maite Irigoyen" },
      contenu: "Le certificat de Henri, svp.",
    });
    await envoyerMessage({
      demandeId,
      auteur: { kind: "AGENT", agentId: instructeur.id, nom: "Maite Irigoyen" },
      contenu: "Note interne",
      interne: true,
    });

    expect((await mesDemandes(usager.id))[0]).toMatchObject({ numero, nonLus: 1 });
    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: usager.courriel, subject: `Vous avez un nouveau message concernant votre demande N° ${numero}` },
    });
    expect(mail.text + mail.html).not.toContain("certificat");
    expect((await demandeDuUsager(usager.id, numero))!.messages.map((m) => m.contenu)).toEqual([
      "Le certificat de Henri, svp.",
    ]);
    await marquerMessagesLus({ usagerId: usager.id, demandeId });
    expect((await mesDemandes(usager.id))[0]!.nonLus).toBe(0);
  });
});

describe("a second parent", () => {
  it("reaches none of the first parent's demande, suivi link, messages, pieces or transitions", async () => {
    const premier = await usagerActive();
    const second = await usagerActive("Intrus");
    const demandeId = await declarerFamille(premier);
    const { numero } = await deposerDemande({ demarches: DEMARCHES, usagerId: premier.id, demandeId });
    const mail = await db().outboxMail.findFirstOrThrow({
      where: { to: premier.courriel, subject: `Référence : ${numero}` },
    });
    const token = /\/demandes\/suivi\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const { id: messageId } = await envoyerMessage({
      demandeId,
      auteur: { kind: "USAGER", usagerId: premier.id },
      contenu: "Voici le livret.",
      piece: { bytes: PDF, mime: "application/pdf", nom: "livret.pdf" },
    });
    expect(await pieceDuMessage({ kind: "USAGER", usagerId: premier.id }, messageId)).toMatchObject({
      nom: "livret.pdf",
      type: "application/pdf",
    });

    expect(await demandeDuUsager(second.id, numero)).toBeNull();
    expect(await numeroParSuivi(second.id, token)).toBeNull();
    expect(await mesDemandes(second.id)).toEqual([]);
    expect(await pieceDuMessage({ kind: "USAGER", usagerId: second.id }, messageId)).toBeNull();
    const intrus: ActeurRef = { kind: "USAGER", usagerId: second.id };
    await expect(envoyerMessage({ demandeId, auteur: intrus, contenu: "Bonjour" })).rejects.toThrow(
      "Cette demande est introuvable.",
    );
    await expect(annulerDemande({ usagerId: second.id, demandeId })).rejects.toThrow("Cette demande est introuvable.");
    await expect(deposerDemande({ demarches: DEMARCHES, usagerId: second.id, demandeId })).rejects.toThrow(
      "Cette demande est introuvable.",
    );
    for (const transition of TRANSITION_NAMES) {
      await expect(
        db().$transaction((tx) => franchir(tx, { demandeId, transition, acteur: intrus, motif: "x" })),
      ).rejects.toThrow("Cette demande est introuvable.");
    }
    const apres = await db().demande.findUniqueOrThrow({
      where: { id: demandeId },
      include: { messages: true, historique: true },
    });
    expect(apres.statut).toBe("DEPOSEE");
    expect(apres.messages).toHaveLength(1);
    expect(apres.historique).toHaveLength(1);
  });

  it("lets the owner withdraw a deposited demande, and only before an agent takes it up", async () => {
    const usager = await usagerActive();
    const demandeId = await declarerFamille(usager);
    await deposerDemande({ demarches: DEMARCHES, usagerId: usager.id, demandeId });
    await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId, decision: "instruire" });
    await expect(annulerDemande({ usagerId: usager.id, demandeId })).rejects.toThrow(/« En cours d'instruction »/);
  });
});
