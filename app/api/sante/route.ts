// Health check (the container's HEALTHCHECK, load balancers, the preview script): 200 with the version when the
// database answers, 503 otherwise. /api/health answers the same.
import { reponseDisponibilite } from "@/lib/disponibilite";

export const dynamic = "force-dynamic";

export function GET() {
  return reponseDisponibilite();
}
