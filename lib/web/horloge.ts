// "Now" for the reservation rules, read by pages and actions and handed to the domain as a parameter. The
// end-to-end tests set the clock with a cookie instead of waiting for a cutoff; the server honours it only
// when it runs under the test harness (E2E=1, set by playwright.config.ts), never in production.
import "server-only";
import { cookies } from "next/headers";
import { nomCookieDuPortail } from "@/lib/config";

export async function maintenant(): Promise<Date> {
  if (process.env.E2E === "1") {
    const valeur = (await cookies()).get(nomCookieDuPortail("horloge"))?.value;
    const instant = valeur ? new Date(valeur) : null;
    if (instant && !Number.isNaN(instant.getTime())) return instant;
  }
  return new Date();
}
