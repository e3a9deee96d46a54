// Health check for load balancers and the test harness: answers 200 once the database answers.
import { baseDisponible } from "@/lib/disponibilite";

export const dynamic = "force-dynamic";

export async function GET() {
  return (await baseDisponible())
    ? Response.json({ status: "ok" })
    : Response.json({ status: "indisponible" }, { status: 503 });
}
