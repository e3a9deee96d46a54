// Address suggestions for the address fields (components/ui/AdresseFields.tsx). The browser asks us, not the
// geocoding service: the Content-Security-Policy lets it reach no other host, and the service sees one
// client (the portal) rather than each family's address as typed.
import { rechercherAdresses } from "@/lib/adresse/geoplateforme";
import { currentSession } from "@/lib/auth/current";

export const dynamic = "force-dynamic";

// What a family types and the addresses found are personal data: no cache may keep them.
const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: Request) {
  // Families (and agents, for the console) only: the service's quota is shared by the whole portal.
  if (!(await currentSession())) return Response.json({ suggestions: [] }, { status: 401, headers: NO_STORE });
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json({ suggestions: await rechercherAdresses(q) }, { headers: NO_STORE });
}
