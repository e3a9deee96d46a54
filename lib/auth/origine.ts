// A POST to a route handler that changes something (starting a sign-in, « Rester connecté ») must come from our
// own pages: its Origin is ours, or, when the browser sends none, the fetch metadata does not say cross-site.
import { config } from "@/lib/config";

export function origineAutorisee(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin === null
    ? request.headers.get("sec-fetch-site") !== "cross-site"
    : origin === new URL(config.appUrl).origin;
}
