// Which address a request comes from, for the per-address throttles. X-Forwarded-For is written by whoever
// sends the request: it says something only when a proxy we trust appended to it. Unless TRUSTED_PROXY says
// one stands in front, the address is the socket's (scripts/adresse-socket.cjs puts it in a header no client
// can set), so a client cannot pick the address its failures are counted against, nor lock another out.
import { BlockList, isIP } from "node:net";

/** The header scripts/adresse-socket.cjs sets from the socket on every request (overwriting any sent). */
export const EN_TETE_ADRESSE_SOCKET = "x-pf-adresse-socket";

/** True in a server started by scripts/start.ts, whose preload sets that header on every request. */
export function adresseSocketConnue(): boolean {
  return (globalThis as { __pfAdresseSocket?: boolean }).__pfAdresseSocket === true;
}

export type ProxysDeConfiance =
  { kind: "aucun" } | { kind: "nombre"; nombre: number } | { kind: "reseaux"; reseaux: BlockList };

/**
 * TRUSTED_PROXY: unset or empty, no proxy; a count ("1": one reverse proxy in front, "2": a CDN then a
 * proxy); or a comma-separated list of addresses and CIDR blocks of the proxies ("10.0.0.0/8, 192.0.2.7").
 */
export function lireProxysDeConfiance(valeur: string | undefined): ProxysDeConfiance {
  const texte = valeur?.trim();
  if (!texte) return { kind: "aucun" };
  if (/^\d+$/.test(texte)) {
    const nombre = Number(texte);
    return nombre === 0 ? { kind: "aucun" } : { kind: "nombre", nombre };
  }
  const reseaux = new BlockList();
  for (const entree of texte
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [adresse = "", prefixe] = entree.split("/");
    const version = isIP(adresse);
    if (!version) throw new Error(`TRUSTED_PROXY : « ${entree} » n'est ni une adresse IP ni un bloc CIDR.`);
    const type = version === 6 ? "ipv6" : "ipv4";
    if (prefixe === undefined) reseaux.addAddress(adresse, type);
    else reseaux.addSubnet(adresse, Number(prefixe), type);
  }
  return { kind: "reseaux", reseaux };
}

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
function normaliser(adresse: string): string {
  const texte = adresse.trim();
  return texte.startsWith("::ffff:") && isIP(texte.slice(7)) === 4 ? texte.slice(7) : texte;
}

function estDansReseaux(reseaux: BlockList, adresse: string): boolean {
  const version = isIP(adresse);
  return version !== 0 && reseaux.check(adresse, version === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's, or, behind trusted proxies, the address the nearest trusted proxy
 * received the request from. Hops are read right to left (the socket, then X-Forwarded-For's last entry,
 * which our proxy appended); entries further left were written by the client and are never believed.
 */
export function adresseClient(
  socket: string | null | undefined,
  forwardedFor: string | null | undefined,
  proxys: ProxysDeConfiance,
): string {
  const direct = socket ? normaliser(socket) : "";
  if (proxys.kind === "aucun" || !direct) return direct || "inconnue";
  const sauts = [...(forwardedFor ?? "").split(",").map(normaliser).filter(Boolean), direct];
  if (proxys.kind === "nombre") return sauts[Math.max(0, sauts.length - 1 - proxys.nombre)]!;
  for (let i = sauts.length - 1; i > 0; i--) {
    if (!estDansReseaux(proxys.reseaux, sauts[i]!)) return sauts[i]!;
  }
  return sauts[0]!;
}
