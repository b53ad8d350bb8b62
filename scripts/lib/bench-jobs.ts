// bench:jobs (`bench:http --jobs`): every scheduled job on the scale data, each against a 60 s limit, in a process
// of its own as the worker runs (scripts/bench-jobs-run.ts), with that process's peak memory against the worker's
// 200 MB; meanwhile a page is asked for without a pause, and its latency compared with the same before the jobs.
import path from "node:path";
import { createInterface } from "node:readline";
import { children } from "./children";
import { bundleScript } from "./bundle";
import { spawnWorker } from "./web-server";
import { emptySamples, httpRun, memorySampler, percentile, type Samples } from "./http-load";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A page that counts rows the jobs write (annual returns, periodic reviews, quality actions). */
export const JOB_PAGE = "dashboard (staff)";
// One person browsing all the while: more clients would only measure two cores shared with the jobs.
const JOB_CLIENTS = 1;
const JOB_LIMIT_S = 60;
const JOB_BASELINE_S = 10;
const WORKER_RSS_LIMIT_MB = 200;

/** A job's run: its rows, its time, and the process's resident memory when it ended. */
type JobRow = { job: string; now: string; result: unknown; seconds: number; rssMb: number; pass: boolean };
type PageStats = { p50: number; p95: number; max: number; requests: number; failures: number };

const pageStats = (s: Samples): PageStats => {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  // Responses counted as they came: a run stopped early reports no total of its own.
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? 0,
    requests: sorted.length,
    failures: s.failures,
  };
};

/** Runs the jobs' process to its end, collecting its lines, while sampling its memory. */
async function runJobs(databaseUrl: string, log: (line: string) => void) {
  // As `npm start` runs the worker: bundled, under node, with its flags and heap limit.
  const child = spawnWorker(
    await bundleScript(ROOT, "scripts/bench-jobs-run.ts"),
    { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" },
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  const memory = memorySampler([child.pid!]);
  const jobs: JobRow[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  for await (const line of createInterface({ input: child.stdout! })) {
    const row = JSON.parse(line) as Omit<JobRow, "pass">;
    jobs.push({ ...row, pass: row.seconds <= JOB_LIMIT_S });
    log(`jobs: ${row.job} at ${row.now.slice(0, 16)}: ${JSON.stringify(row.result)} in ${row.seconds.toFixed(1)} s`);
  }
  const code = await exited;
  const { peakRssMb } = memory.stop();
  if (code !== 0) throw new Error(`the jobs' process failed (exit ${code})`);
  return { jobs, peakRssMb };
}

export async function jobsPhase(databaseUrl: string, pageUrl: string, cookie: string, log: (line: string) => void) {
  const without = emptySamples();
  log(`jobs: the page without jobs for ${JOB_BASELINE_S} s…`);
  await httpRun(pageUrl, JOB_CLIENTS, { cookie, seconds: JOB_BASELINE_S }, without);
  const during = emptySamples();
  let jobsDone = () => {};
  const allDone = new Promise<void>((resolve) => (jobsDone = resolve));
  // One run that the end of the last job stops (bounded: an hour at most).
  const load = httpRun(pageUrl, JOB_CLIENTS, { cookie, seconds: 3600, until: allDone }, during);
  try {
    const { jobs, peakRssMb } = await runJobs(databaseUrl, log);
    return {
      page: JOB_PAGE,
      clients: JOB_CLIENTS,
      limitSeconds: JOB_LIMIT_S,
      jobs,
      worker: { peakRssMb, limitMb: WORKER_RSS_LIMIT_MB, pass: peakRssMb < WORKER_RSS_LIMIT_MB },
      without: pageStats(without),
      during: pageStats(during),
    };
  } finally {
    jobsDone();
    await load;
  }
}

export type JobsReport = Awaited<ReturnType<typeof jobsPhase>>;

export const jobsPassed = (report: JobsReport) => report.jobs.every((j) => j.pass) && report.worker.pass && report.during.failures === 0;

export function jobsMarkdown(report: JobsReport, note: string): string {
  const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
  const page = (label: string, p: PageStats) => `| ${label} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.max)} | ${p.requests} | ${p.failures} |`;
  return [
    `| Job | tick (UTC) | rows changed | seconds | memory after, MB | ≤ ${report.limitSeconds} s |`,
    `|---|---|---|---|---|---|`,
    ...report.jobs.map(
      (j) =>
        `| ${j.job} | ${j.now.slice(0, 16)} | ${JSON.stringify(j.result)} | ${j.seconds.toFixed(1)} | ${j.rssMb.toFixed(0)} | ${j.pass ? "pass" : "FAIL"} |`,
    ),
    "",
    `The jobs' process peak memory: ${report.worker.peakRssMb.toFixed(0)} MB resident, target < ${report.worker.limitMb} MB: ${report.worker.pass ? "pass" : "FAIL"}.`,
    "",
    `${report.page}, ${report.clients} clients:`,
    "",
    `| | p50 ms | p95 ms | max ms | requests | failed |`,
    `|---|---|---|---|---|---|`,
    page("without jobs", report.without),
    page("while the jobs run", report.during),
    "",
    note,
  ].join("\n");
}
