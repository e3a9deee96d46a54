// A family's private calendar feed (iCalendar), fetched by a calendar app with no session: the secret link is
// the only key (lib/domain/agenda/lien.ts). A wrong, old or malformed secret gets the same 404 as no family.
import { agendaDeLaFamille } from "@/lib/domain/agenda/flux";
import { familleDuJeton } from "@/lib/domain/agenda/lien";
import { reponseAgenda } from "@/lib/domain/agenda/reponse";
import { fichierIntrouvable } from "@/lib/storage/reponse";
import { maintenant } from "@/lib/web/horloge";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ jeton: string }> }) {
  const familleId = await familleDuJeton((await params).jeton);
  if (!familleId) return fichierIntrouvable();
  const { texte } = await agendaDeLaFamille({ familleId, now: await maintenant() });
  return reponseAgenda(request, { texte, nomFichier: "reservations.ics", telechargement: false });
}
