// What bench:http and bench:jobs share: autocannon runs that keep every response's latency, percentiles from those
// raw samples, and the peak memory of a process tree sampled from /proc.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { multipart } from "./forms";

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

/** What a browser says it can decompress. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export type Samples = { latencies: number[]; seconds: number; requests: number; failures: number };
export const emptySamples = (): Samples => ({ latencies: [], seconds: 0, requests: 0, failures: 0 });

/** One timed stretch of HTTP requests; each response's latency from the moment its request is set up. */
export async function httpRun(
  url: string,
  connections: number,
  opts: {
    cookie: string;
    /** The `Accept-Encoding` a browser sends, to have the server compress its responses; none asks for them as they are. */
    acceptEncoding?: string;
    seconds?: number;
    posts?: { path: string; fields: [string, string][] }[];
    origin?: string;
    /** Stops the run early when it settles (the run's `seconds` then only bound it). */
    until?: Promise<unknown>;
  },
  into: Samples,
): Promise<void> {
  type Context = { sentAt?: number };
  let nextPost = 0;
  const running = autocannon({
    url,
    connections,
    ...(opts.posts ? { amount: opts.posts.length } : { duration: opts.seconds }),
    timeout: 60,
    headers: {
      accept: "text/html",
      ...(opts.acceptEncoding ? { "accept-encoding": opts.acceptEncoding } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
    requests: [
      {
        setupRequest: (request: Record<string, unknown>, context: Context) => {
          context.sentAt = performance.now();
          if (!opts.posts) return request;
          const post = opts.posts[nextPost++ % opts.posts.length];
          const { body, contentType } = multipart(post.fields);
          return {
            ...request,
            method: "POST",
            path: post.path,
            body,
            headers: { ...(request.headers as Record<string, string>), "content-type": contentType, origin: opts.origin! },
          };
        },
        onResponse: (status: number, _body: string, context: Context) => {
          into.latencies.push(performance.now() - (context.sentAt ?? performance.now()));
          // A page answers 200; a server action that changed something redirects (303).
          if (status !== 200 && status !== 303) into.failures++;
        },
      },
    ],
  });
  void opts.until?.then(() => running.stop());
  const result = await running;
  into.seconds += result.duration;
  into.requests += result.requests.total;
  into.failures += result.errors;
}

/** A process tree's peak summed resident memory (`next start` and its children; the jobs' process), from /proc. */
export function memorySampler(rootPids: number[]) {
  const tree = (pid: number): number[] => {
    const kids: number[] = [];
    try {
      for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean))
        kids.push(Number(task));
    } catch {
      return [];
    }
    return [pid, ...kids.flatMap(tree)];
  };
  const field = (pid: number, name: string) => {
    try {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  let peakSum = 0;
  let peakHwm = 0;
  const sample = () => {
    const pids = rootPids.flatMap(tree);
    peakSum = Math.max(
      peakSum,
      pids.reduce((n, pid) => n + field(pid, "VmRSS"), 0),
    );
    peakHwm = Math.max(peakHwm, ...pids.map((pid) => field(pid, "VmHWM")));
  };
  const timer = setInterval(sample, 250);
  return {
    stop: () => (clearInterval(timer), sample(), { peakRssMb: peakSum, largestProcessHwmMb: peakHwm }),
  };
}
