// Load-test scaffolding for `npm run bench:http -- --servers 2`, not a production proxy: hands each request to
// the next web server in turn, as a load balancer in front of several `next start` would.
//   tsx scripts/lib/round-robin.ts <port> <server URL> <server URL> …
// The Host header is passed on unchanged, so the servers see the address the clients used (a server action's
// Origin check compares the two). Listens on 127.0.0.1 only.
import http from "node:http";

const [port, ...targets] = process.argv.slice(2);
if (!port || targets.length === 0) {
  console.error("usage: round-robin.ts <port> <server URL>…");
  process.exit(1);
}
const servers = targets.map((t) => new URL(t));
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let turn = 0;

const proxy = http.createServer((req, res) => {
  const server = servers[turn++ % servers.length];
  const upstream = http.request(
    { host: server.hostname, port: server.port, method: req.method, path: req.url, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
});
proxy.listen(Number(port), "127.0.0.1", () => console.log(`[round-robin] :${port} → ${targets.join(", ")}`));
process.on("SIGTERM", () => proxy.close(() => process.exit(0)));
