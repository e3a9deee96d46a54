// Whether the database answers: the health check load balancers and the test harness poll (/api/health).
import { db } from "@/lib/db";

export async function baseDisponible(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
