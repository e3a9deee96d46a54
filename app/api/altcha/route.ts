// A fresh anti-bot challenge for the ALTCHA widget of "Créer mon espace".
import { newChallenge } from "@/lib/auth/altcha";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await newChallenge(), { headers: { "Cache-Control": "no-store" } });
}
