// The clé enfance typed by a co-représentant in "Modifier mon espace": linked at once when the identity
// matches the declared co-représentant, a demande for the agents otherwise, and wrong keys throttled.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedCommune } from "@/prisma/seed";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { saisirCleEnfance, ESSAIS_PAR_ESPACE } from "@/lib/domain/famille/rattacher";
import { declarerFamille as declarer, titulaireDe } from "@/prisma/demo-familles";
import { agent, CO_REPRESENTANT_BIDART, ENFANT, usagerActive } from "./demande-fixtures";

beforeAll(() => seedCommune());

/** A validated family whose declared co-représentant is Mikel BIDART, born 1985-02-03. */
async function familleValidee(): Promise<string> {
  const titulaire = await usagerActive("Etchart");
  const demandeId = await declarer(titulaire, {
    titulaire: titulaireDe(titulaire, "MERE"),
    coRepresentant: CO_REPRESENTANT_BIDART,
    enfants: [ENFANT],
  });
  await deposerDemande({ demarches: DEMARCHES, usagerId: titulaire.id, demandeId });
  await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId, decision: "accepter" });
  return (await db().famille.findFirstOrThrow({ where: { representants: { some: { usagerId: titulaire.id } } } }))
    .cleEnfance;
}

async function espaceDe(nom: string, dateNaissance: string | null) {
  const usager = await usagerActive(nom);
  return db().usager.update({
    where: { id: usager.id },
    data: {
      civilite: "MONSIEUR",
      prenoms: "Mikel",
      dateNaissance: dateNaissance ? new Date(`${dateNaissance}T00:00:00Z`) : null,
    },
  });
}

describe("the clé enfance of a co-représentant", () => {
  it("links the space at once when nom and date de naissance match, whatever the case and format of the key", async () => {
    const cle = await familleValidee();
    const mikel = await espaceDe("BIDART", "1985-02-03");
    const resultat = await saisirCleEnfance({
      usager: mikel,
      saisie: cle.toLowerCase().replace("-", " "),
      ip: "192.0.2.80",
    });
    expect(resultat.kind).toBe("rattache");
    const co = await db().representant.findFirstOrThrow({
      where: { famille: { cleEnfance: cle }, role: "CO_REPRESENTANT" },
    });
    expect(co.usagerId).toBe(mikel.id);
    await expect(saisirCleEnfance({ usager: mikel, saisie: cle, ip: "192.0.2.80" })).rejects.toThrow(
      "Votre espace est déjà rattaché à une famille.",
    );
  });

  it("makes a demande for the agents when the identity does not match, and its acceptance links the space", async () => {
    const cle = await familleValidee();
    const autre = await espaceDe("Bidart", "1990-01-01");
    const resultat = await saisirCleEnfance({ usager: autre, saisie: cle, ip: "192.0.2.81" });
    expect(resultat.kind).toBe("demande");
    if (resultat.kind !== "demande") return;
    const demande = await db().demande.findUniqueOrThrow({ where: { numero: resultat.numero } });
    expect(demande).toMatchObject({ type: "RATTACHEMENT_FAMILLE", statut: "DEPOSEE", usagerId: autre.id });
    expect(await db().representant.count({ where: { usagerId: autre.id } })).toBe(0);
    await deciderDemande({ demarches: DEMARCHES, agent: await agent(), demandeId: demande.id, decision: "accepter" });
    const co = await db().representant.findFirstOrThrow({
      where: { famille: { cleEnfance: cle }, role: "CO_REPRESENTANT" },
    });
    expect(co.usagerId).toBe(autre.id);
  });

  it("throttles wrong keys: after 5 within 15 minutes even the right key waits", async () => {
    const cle = await familleValidee();
    const mikel = await espaceDe("Bidart", "1985-02-03");
    for (let i = 0; i < ESSAIS_PAR_ESPACE; i++) {
      await expect(saisirCleEnfance({ usager: mikel, saisie: "ZZZZ-ZZZZ", ip: `192.0.2.${100 + i}` })).rejects.toThrow(
        /Cette clé enfance est inconnue/,
      );
    }
    await expect(saisirCleEnfance({ usager: mikel, saisie: cle, ip: "192.0.2.99" })).rejects.toThrow(
      /^Trop d'essais de clé enfance : réessayez à partir de \d\d:\d\d\.$/,
    );
    expect(await db().representant.count({ where: { usagerId: mikel.id } })).toBe(0);
    expect(await db().essaiCleEnfance.count({ where: { usagerId: mikel.id, succes: false } })).toBe(ESSAIS_PAR_ESPACE);
  });
});
