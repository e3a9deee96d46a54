// Health check for load balancers and the test harness: answers 200 once the database answers.
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "indisponible" }, { status: 503 });
  }
}
