// The part of autocannon's API the load test and bench:http use (the package ships no types).
declare module "autocannon" {
  type Headers = Record<string, string | string[]>;
  type Request = {
    setupRequest?: (request: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown> | undefined;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Headers) => void;
  };
  type Options = { url: string; connections?: number; duration?: number; timeout?: number; headers?: Headers; requests?: Request[] };
  type Result = { duration: number; errors: number; timeouts: number; requests: { total: number; average: number } };
  /** The run: awaited for its result, or stopped early (it then settles with what it measured). */
  export default function autocannon(options: Options): PromiseLike<Result> & { stop(): void };
}
