// The same-origin check of the route handlers that change something (a POST): a form or a script of another
// site must not reach them with the caller's cookie.

/** No Origin (an old browser, a same-origin navigation) passes; one of another site, or not a URL at all, does not. */
export function memeOrigine(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}
