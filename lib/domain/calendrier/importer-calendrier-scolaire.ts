import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lireCalendrierScolaire } from "@/lib/domain/calendrier/generation";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import { zoneDeLaCommune } from "@/lib/domain/calendrier/zone";
import { ZONES_SCOLAIRES } from "@/lib/domain/calendrier/zones";
import { dateDeJour } from "@/lib/temps/jours";

/**
 * The official file's holidays, of every zone it holds (a later change of zone needs no new import), all of
 * them or nothing; refused when it holds none of the commune's zone (most likely the wrong file). `importees`
 * and `annees` are the commune's zone's, `autresZones` the periods kept for the other zones.
 */
export async function importerCalendrierScolaire(
  { donnees, agentId }: { donnees: unknown; agentId?: string },
  client?: Tx,
): Promise<{ importees: number; autresZones: number; ignorees: number; annees: string[] }> {
  const { ignorees } = lireCalendrierScolaire(donnees, ZONES_SCOLAIRES[0]);
  const parZone = ZONES_SCOLAIRES.map((zone) => ({ zone, vacances: lireCalendrierScolaire(donnees, zone).vacances }));
  const ecrire = async (tx: Tx) => {
    const zone = await zoneDeLaCommune(tx);
    const lesNotres = parZone.find((z) => z.zone === zone)?.vacances ?? [];
    if (lesNotres.length === 0) {
      throw new AppError(
        "calendrier",
        `Ce fichier ne contient aucune période de vacances de la zone de la commune (${zone}) : rien n'a été importé.`,
        "fichier",
      );
    }
    for (const { zone: z, vacances } of parZone) {
      for (const v of vacances) {
        const cle = { zone: z, description: v.description, debut: dateDeJour(v.debut) };
        await tx.vacancesScolaires.upsert({
          where: { zone_description_debut: cle },
          create: { ...cle, anneeScolaire: v.anneeScolaire, fin: dateDeJour(v.fin) },
          update: { anneeScolaire: v.anneeScolaire, fin: dateDeJour(v.fin) },
        });
      }
    }
    const annees = [...new Set(lesNotres.map((v) => v.anneeScolaire))].sort();
    const autresZones = parZone.reduce((n, z) => n + (z.zone === zone ? 0 : z.vacances.length), 0);
    await journaliser(tx, agentId, "reservations.calendrier_importe", {
      zone,
      importees: lesNotres.length,
      autresZones,
      ignorees,
      annees,
    });
    return { importees: lesNotres.length, autresZones, ignorees, annees };
  };
  return client ? ecrire(client) : db().$transaction(ecrire);
}
