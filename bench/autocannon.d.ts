/** The part of autocannon 9's API bench/run.ts uses (the package ships no types). */
declare module 'autocannon' {
  type RawRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: { setupRequest?: (req: RawRequest, context: Record<string, unknown>) => RawRequest }[];
  };
  type Result = { errors: number; timeouts: number; non2xx: number; throughput: { average: number }; requests: { average: number } };
  type Instance = { on(event: 'response', cb: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void };
  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
