// Preloaded into `next start` by scripts/start.ts (node --require): every request gets the address of the
// socket it came on in the x-pf-adresse-socket header, overwriting any a client sent. Next.js gives server
// actions and route handlers the headers only, and its own X-Forwarded-For is whatever the client wrote when
// there is no proxy; lib/auth/adresse-client.ts decides which of the two to believe (TRUSTED_PROXY).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by `node --require`, so CommonJS
const http = require("node:http");

// Tells lib/auth/adresse-client.ts, in this same process, that the header is ours.
globalThis.__pfAdresseSocket = true;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    const adresse = request.socket && request.socket.remoteAddress;
    if (adresse) request.headers["x-pf-adresse-socket"] = adresse;
    else delete request.headers["x-pf-adresse-socket"];
  }
  return emit.call(this, event, request, ...rest);
};
