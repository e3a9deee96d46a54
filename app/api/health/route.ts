// The health check's first address, kept for what already asks it (the e2e harness, existing load balancers):
// the same answer as /api/sante.
import { reponseDisponibilite } from "@/lib/disponibilite";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return reponseDisponibilite(request);
}
