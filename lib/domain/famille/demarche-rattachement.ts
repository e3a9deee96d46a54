// The "Rattachement à une famille" démarche: a space typed a family's clé enfance without matching its declared
// co-représentant (lib/domain/famille/rattacher.ts creates and deposits it); an agent checks the identity and
// accepting links the space to the family.
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatParis } from "@/lib/temps/dates";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { CIVILITES } from "@/lib/domain/usager/schemas";
import type { Demande } from "@/lib/generated/prisma/client";
import { de } from "@/lib/texte/elision";

const jour = (date: Date | null) => (date ? formatParis(date, "dd/MM/yyyy") : null);
const nom = (r: { prenom: string; nomUsage: string }) => `${r.prenom} ${r.nomUsage.toUpperCase()}`;

async function lire(demande: Demande) {
  return db().demande.findUniqueOrThrow({
    where: { id: demande.id },
    select: {
      usager: true,
      famille: { select: { cleEnfance: true, representants: { orderBy: { role: "asc" } } } },
    },
  });
}

/** The space asking, with its birth data: what the agent compares with the family's representants. */
function espace(usager: Awaited<ReturnType<typeof lire>>["usager"]): SectionRecap {
  return {
    titre: "L'espace qui demande",
    lignes: [
      { libelle: "Civilité", valeur: CIVILITES[usager.civilite] },
      { libelle: "Nom", valeur: usager.nomUsage.toUpperCase() },
      { libelle: "Nom de naissance", valeur: usager.nomNaissance?.toUpperCase() ?? null },
      { libelle: "Prénom(s)", valeur: usager.prenoms },
      { libelle: "Date de naissance", valeur: jour(usager.dateNaissance) },
      { libelle: "Courriel", valeur: usager.courriel },
      { libelle: "Téléphone", valeur: usager.mobile ?? usager.telephone },
    ],
  };
}

export const DEMARCHE_RATTACHEMENT = {
  type: "RATTACHEMENT_FAMILLE",
  libelle: "Rattachement à une famille",
  domaine: "Enfance",
  donnees: { version: 1, schema: z.object({ familleId: z.string() }) },
  verifierDepot(donnees) {
    if (!donnees || typeof donnees !== "object" || !("familleId" in donnees))
      throw new AppError("incomplete", "Cette demande ne désigne aucune famille.");
  },
  accepter: (tx, demande) => accepterRattachement(tx, demande),
  // its recap opens with the space asking to join (espace(usager))
  recapMontreLeDemandeur: true,
  recap: {
    // the parent sees the family they asked to join by its clé, not its members' personal data
    async usager(demande) {
      const { usager, famille } = await lire(demande);
      const titulaire = famille?.representants.find((r) => r.role === "TITULAIRE");
      return [
        {
          titre: "La famille",
          lignes: [
            { libelle: "Clé enfance", valeur: famille?.cleEnfance ?? null },
            { libelle: "Titulaire du compte", valeur: titulaire ? nom(titulaire) : null },
          ],
        },
        espace(usager),
      ];
    },
    async agent(demande) {
      const { usager, famille } = await lire(demande);
      if (!famille)
        return [espace(usager), { titre: "La famille", texte: ["Cette demande ne désigne aucune famille."] }];
      return [
        espace(usager),
        ...famille.representants.map((r) => ({
          titre: `La famille (clé ${famille.cleEnfance}) — ${r.role === "TITULAIRE" ? "Titulaire" : "Co-représentant"} : ${nom(r)}`,
          lignes: [
            { libelle: "Nom de naissance", valeur: r.nomFamille?.toUpperCase() ?? null },
            { libelle: "Date de naissance", valeur: jour(r.dateNaissance) },
            { libelle: "Courriel", valeur: r.courriel },
            { libelle: "Téléphone portable", valeur: r.telephonePortable },
            {
              libelle: "Espace",
              valeur: r.usagerId ? "Déjà rattaché à un espace" : "Pas encore rattaché à un espace",
            },
          ],
        })),
      ];
    },
  },
} satisfies DefinitionDemarche & { type: "RATTACHEMENT_FAMILLE" };

/** The agents accept: the space becomes the family's co-représentant (the declared one, or a new one). */
export async function accepterRattachement(tx: Tx, demande: Demande): Promise<string> {
  const familleId = demande.familleId;
  if (!familleId) throw new AppError("incomplete", "Cette demande ne désigne aucune famille.");
  const [usager, famille] = await Promise.all([
    tx.usager.findUniqueOrThrow({ where: { id: demande.usagerId } }),
    tx.famille.findUniqueOrThrow({ where: { id: familleId }, include: { representants: true } }),
  ]);
  const coRepresentant = famille.representants.find((r) => r.role === "CO_REPRESENTANT");
  if (coRepresentant?.usagerId && coRepresentant.usagerId !== usager.id) {
    throw new AppError("occupe", "Le co-représentant de cette famille est déjà rattaché à un autre espace.");
  }
  if (coRepresentant) {
    await tx.representant.update({ where: { id: coRepresentant.id }, data: { usagerId: usager.id } });
  } else {
    const titulaire = famille.representants.find((r) => r.role === "TITULAIRE")!;
    await tx.representant.create({
      data: {
        familleId,
        role: "CO_REPRESENTANT",
        usagerId: usager.id,
        civilite: usager.civilite,
        nomUsage: usager.nomUsage,
        nomFamille: usager.nomNaissance,
        prenom: usager.prenoms,
        dateNaissance: usager.dateNaissance,
        adresseId: titulaire.adresseId,
        telephoneDomicile: usager.telephone,
        telephonePortable: usager.mobile,
        courriel: usager.courriel,
        qualite: "AUTRE",
        autoriteParentale: false,
      },
    });
  }
  return `Votre espace est désormais rattaché à la famille ${de(titulaireNom(famille.representants))}.`;
}

function titulaireNom(representants: { role: string; prenom: string; nomUsage: string }[]): string {
  const titulaire = representants.find((r) => r.role === "TITULAIRE");
  return titulaire ? `${titulaire.prenom} ${titulaire.nomUsage.toUpperCase()}` : "votre enfant";
}
