// Preloaded into `next start` (node --require), beside client-address.cjs: a compressed response is flushed at most
// once per turn of the event loop. With compression on (COMPRESS unset), Next writes each chunk of a streamed page and
// flushes the gzip stream after it (node_modules/next/dist/server/pipe-readable.js), so a page went out as a few dozen
// separately flushed deflate blocks, each cut short where the chunk ended: a third to a half more bytes than the
// same page flushed once. The flushes asked for in one turn now become one at its end, so each part of a streamed page
// still leaves as soon as it is rendered.
const http = require("node:http");

/**
 * Makes `res.flush`, once the compression middleware sets it, flush at most once per turn. Until then it reads as
 * undefined, as on a response that is not compressed (Next checks that it is a function before calling it).
 */
function coalesceFlushes(res) {
  let flush;
  let pending = false;
  const run = () => {
    pending = false;
    flush.call(res);
  };
  const deferred = () => {
    if (!pending) {
      pending = true;
      setImmediate(run);
    }
  };
  Object.defineProperty(res, "flush", {
    configurable: true,
    get: () => (flush ? deferred : undefined),
    set: (fn) => {
      flush = fn;
    },
  });
}

if (!globalThis.__apcCoalescedFlushes) {
  globalThis.__apcCoalescedFlushes = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, ...args) {
    if (event === "request") coalesceFlushes(args[1]);
    return emit.apply(this, [event, ...args]);
  };
}

module.exports = { coalesceFlushes };
