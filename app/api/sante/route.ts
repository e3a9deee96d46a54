// Health check (the container's HEALTHCHECK, load balancers, the preview script): 200 when the database answers,
// 503 otherwise; the version only for the monitoring's token (lib/disponibilite.ts). /api/health answers the same.
import { reponseDisponibilite } from "@/lib/disponibilite";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return reponseDisponibilite(request);
}
