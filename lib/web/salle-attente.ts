// The « salle d'attente » page and headers (the protocol: lib/web/salle-attente-protocole.ts). Answered by
// scripts/serveur.ts before Next, so without next.config.ts's headers nor proxy.ts's policy: it sets its own,
// strict one (nothing but its own inline style and script, allowed by their hashes), and depends on nothing
// outside itself (no stylesheet, no font, no image), so that a browser gets it whole however busy the node is.
import { createHash } from "node:crypto";
import {
  duree,
  EN_TETE_SALLE_ATTENTE,
  messageAction,
  rang,
  valeurEnTete,
  type SalleAttente,
} from "@/lib/web/salle-attente-protocole";

const STYLE = `body{margin:0;font-family:"Marianne","Segoe UI",Roboto,Arial,sans-serif;background:#f5f5f4;color:#1c1917;line-height:1.5;overflow-wrap:break-word}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-top:6px solid #b45309;border-radius:.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}p{margin:0 0 1rem}strong{font-weight:700}
a,button{display:inline-block;min-height:2.75rem;margin:0 .5rem .5rem 0;padding:.6rem 1rem;border-radius:.375rem;font:inherit;font-weight:700}
a{background:#b45309;color:#fff;text-decoration:underline;text-underline-offset:2px}a:hover{background:#92400e}
button{background:#fff;color:#92400e;border:2px solid #92400e;cursor:pointer}button[hidden]{display:none}:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
@media (max-width:40rem){main{margin:0;border-radius:0;padding:1rem}}`;

// The countdown: the seconds left, read from the page, shown each second in the aria-live region, then the
// same address again. Without JavaScript the meta refresh does it (inside <noscript>: with JavaScript the
// script does it, and its « Suspendre » button lets a person who needs more time stop it, WCAG 2.2.1).
const SCRIPT = `(function(){var e=document.getElementById("decompte"),b=document.getElementById("suspendre");if(!e||!b)return;var s=Number(e.getAttribute("data-secondes")),t;function f(){e.textContent=s>1?"Nouvel essai automatique dans "+s+" secondes.":s===1?"Nouvel essai automatique dans 1 seconde.":"Nouvel essai en cours…";if(s<=0){location.reload();return}s--;t=setTimeout(f,1000)}b.hidden=false;b.addEventListener("click",function(){clearTimeout(t);b.hidden=true;e.textContent="Essais automatiques suspendus : utilisez « Réessayer maintenant » quand vous le souhaitez."});f()})();`;

const hash = (texte: string) => `'sha256-${createHash("sha256").update(texte).digest("base64")}'`;

/** Only this page's style and script; no request anywhere, no form, no framing. */
export const POLITIQUE_SALLE_ATTENTE = [
  "default-src 'none'",
  `style-src ${hash(STYLE)}`,
  `script-src ${hash(SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const echapper = (texte: string) =>
  texte.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The page. `adresse` is the request's own path and query (for « Réessayer maintenant »); `envoi`: a form sent
 * without JavaScript (a POST), which the page cannot send again itself: it says to go back and send it again.
 */
export function pageSalleAttente(salle: SalleAttente, { adresse, envoi }: { adresse: string; envoi: boolean }): string {
  const { position, estimation, reessai } = salle;
  const suite = envoi
    ? `<p>Votre envoi n'a pas encore été pris en compte. Revenez au formulaire avec le bouton « Retour » de votre navigateur : ce que vous avez saisi y est conservé. Renvoyez-le dans ${duree(reessai)} environ.</p>`
    : `<p>Cette page réessaie toute seule : ce que vous avez saisi dans un formulaire n'est pas perdu.</p>
<p id="decompte" role="status" aria-live="polite" data-secondes="${reessai}">Nouvel essai automatique dans ${duree(reessai)}.</p>
<p><a href="${echapper(adresse)}">Réessayer maintenant</a> <button type="button" id="suspendre" hidden>Suspendre les essais automatiques</button></p>`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${envoi ? "" : `<noscript><meta http-equiv="refresh" content="${reessai}"></noscript>`}
<title>Salle d'attente – Portail Famille</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Salle d'attente</h1>
<p>Le portail est très sollicité en ce moment. Merci de patienter : vous gardez votre tour.</p>
<p><strong>Vous êtes ${rang(position)} dans la file</strong>, votre tour viendra dans environ ${duree(estimation)}.</p>
${suite}
</main>
${envoi ? "" : `<script>${SCRIPT}</script>`}
</body>
</html>
`;
}

/** The headers every waiting-room answer carries. */
export function enTetesSalleAttente(salle: SalleAttente, type: string): Record<string, string> {
  return {
    "content-type": type,
    "retry-after": String(salle.reessai),
    [EN_TETE_SALLE_ATTENTE]: valeurEnTete(salle),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  };
}

/** The answer's status, headers and body, by the request's kind (the protocol's three cases). */
export function reponseSalleAttente(
  salle: SalleAttente,
  requete: { methode: string; action: boolean; adresse: string },
): { status: 503; enTetes: Record<string, string>; corps: string } {
  if (requete.action) {
    return { status: 503, enTetes: enTetesSalleAttente(salle, "text/plain"), corps: messageAction(salle) };
  }
  const page = pageSalleAttente(salle, { adresse: requete.adresse, envoi: requete.methode === "POST" });
  return {
    status: 503,
    enTetes: {
      ...enTetesSalleAttente(salle, "text/html; charset=utf-8"),
      "content-security-policy": POLITIQUE_SALLE_ATTENTE,
    },
    corps: requete.methode === "HEAD" ? "" : page,
  };
}
