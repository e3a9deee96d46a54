// `server-only` marks the modules that must never reach a browser (lib/db, lib/chiffrement, lib/auth, lib/mail,
// lib/storage): Next's build resolves it to nothing for server code and fails for client code. Plain Node would
// resolve it to its throwing entry, so the tsx scripts that run those same modules (start, seed, db, agent:create,
// cle:rotation, bench) load this first (`tsx --import ./scripts/server-only-hors-next.mjs …`): here the marker is
// an empty module. Vitest does the same with an alias (vitest.config.mts).
import Module, { register } from "node:module";
import { fileURLToPath } from "node:url";

const VIDE = new URL("../node_modules/server-only/empty.js", import.meta.url);

// require(), which tsx uses for the .ts files of this CommonJS package
const resoudre = Module._resolveFilename;
Module._resolveFilename = function (request, ...reste) {
  return request === "server-only" ? fileURLToPath(VIDE) : resoudre.call(this, request, ...reste);
};

// import, for ES modules
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: ${JSON.stringify(VIDE.href)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
