// PES V2's demo data: the commune's accounting codes filled with test values (a poste comptable, codes, and a
// SIRET whose key is valid), and September's bordereau of titres de recettes generated once September is
// invoiced, so an administrator of a preview downloads a PES file at once. Idempotent.
import { db } from "@/lib/db";
import { genererBordereau } from "@/lib/domain/pes/generer";

export const PARAMETRES_PES_DEMO = {
  idPost: "0640001",
  siret: "21640557500012",
  codCol: "064",
  codBud: "00",
  codProdLoc: "RS",
};

export async function seedPesDemo(agentId: string): Promise<void> {
  const parametres = await db().parametresPes.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  if (!parametres.idPost) await db().parametresPes.update({ where: { id: 1 }, data: PARAMETRES_PES_DEMO });
  if ((await db().bordereauPes.count()) > 0) return;
  if ((await db().facture.count({ where: { periodeDebut: new Date("2026-09-01T00:00:00Z") } })) === 0) return;
  await genererBordereau({ mois: "2026-09-01", agentId, now: new Date() });
}
