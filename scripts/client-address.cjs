// Preloaded into `next start` (node --require): makes `x-forwarded-for` tell the truth.
// Next's server fills `x-forwarded-for` from the socket only when the request has none
// (node_modules/next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`),
// so any client could name its own address and escape per-address throttling. Unless
// TRUST_PROXY=1 says a reverse proxy in front sets the header, replace it with the socket's address.
const http = require("node:http");

if (process.env.TRUST_PROXY !== "1" && !globalThis.__apcClientAddressFromSocket) {
  globalThis.__apcClientAddressFromSocket = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === "request") req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    return emit.call(this, event, req, ...rest);
  };
}
