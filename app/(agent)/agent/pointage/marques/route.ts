// The marks of the day's lists, sent by the tablet (FormPointage) as JSON rather than through a server action:
// a plain request the pointage's service worker (../sw.ts) can keep while the network is down and send again
// when it is back. Same rules as the page: an agent whose second factor is done, same origin only, the
// command's refusals answered in French; no session at all is 401 (the worker keeps the mark), a parent's 404. Answers JSON: { retenue } (whether this tap is the latest, so kept),
// or { message }.
import { lecteurConnecte } from "@/lib/auth/current";
import { AppError, GENERIC_ERROR } from "@/lib/errors";
import { log } from "@/lib/log";
import { parseForm } from "@/lib/forms";
import { pointer } from "@/lib/domain/pointage/pointer";
import { ETATS_POINTAGE, marqueSchema } from "@/lib/domain/pointage/schemas";
import { maintenant } from "@/lib/web/horloge";
import { memeOrigine } from "@/lib/web/origine";

const SESSION_EXPIREE = "Votre session a expiré : reconnectez-vous, les pointages en attente partiront ensuite.";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  if (!memeOrigine(request)) return json({ message: "Requête refusée." }, 403);
  const lecteur = await lecteurConnecte();
  // no session (it expired on the tablet): 401, so the service worker keeps the mark for after the login
  if (!lecteur) return json({ message: SESSION_EXPIREE }, 401);
  if (lecteur.kind !== "AGENT") return json({ message: "Introuvable" }, 404);
  const corps: unknown = await request.json().catch(() => null);
  const saisie =
    corps && typeof corps === "object"
      ? Object.fromEntries(Object.entries(corps).map(([cle, valeur]) => [cle, String(valeur)]))
      : {};
  const parsed = parseForm(marqueSchema, saisie);
  if (!parsed.success) return json({ message: "Pointage illisible : rechargez la page." }, 400);
  const { marqueLe, ...marque } = parsed.data;
  try {
    const { retenue } = await pointer({
      agentId: lecteur.agentId,
      ...marque,
      marqueLe: new Date(marqueLe),
      now: await maintenant(),
    });
    return json({
      retenue,
      message: retenue
        ? `${ETATS_POINTAGE[marque.etat]} : enregistré.`
        : "Un pointage plus récent, fait sur une autre tablette, est conservé.",
    });
  } catch (error) {
    if (error instanceof AppError) return json({ message: error.message }, 400);
    log.error(
      { evenement: "pointage.marque_echec", erreur: error instanceof Error ? error.name : typeof error },
      "pointage échoué",
    );
    return json({ message: GENERIC_ERROR }, 500);
  }
}
