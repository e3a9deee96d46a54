// One child's booked days as a calendar file to download (.ics), for a representant of a family that books for
// the child; anyone else (no session, an agent, another family) gets the same 404 as for a child that does not exist.
import { lecteurConnecte } from "@/lib/auth/current";
import { agendaDeLaFamille } from "@/lib/domain/agenda/flux";
import { enfantDeLaFamilleDuUsager } from "@/lib/domain/agenda/queries";
import { reponseAgenda } from "@/lib/domain/agenda/reponse";
import { fichierIntrouvable } from "@/lib/storage/reponse";
import { maintenant } from "@/lib/web/horloge";

export async function GET(request: Request, { params }: { params: Promise<{ enfant: string }> }) {
  const { enfant: enfantId } = await params;
  const lecteur = await lecteurConnecte();
  if (lecteur?.kind !== "USAGER") return fichierIntrouvable();
  const enfant = await enfantDeLaFamilleDuUsager(lecteur.usagerId, enfantId);
  if (!enfant) return fichierIntrouvable();
  const { texte } = await agendaDeLaFamille({ familleId: enfant.familleId, enfantId, now: await maintenant() });
  const nom = enfant.prenoms
    .normalize("NFD")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return reponseAgenda(request, { texte, nomFichier: `reservations-${nom || "enfant"}.ics`, telechargement: true });
}
