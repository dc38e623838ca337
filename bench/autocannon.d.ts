// The part of autocannon's API bench/run.ts uses. Declared here rather than through
// @types/autocannon so that the type check passes in a checkout whose node_modules predates the
// bench's devDependency (npm test never runs the bench).
declare module 'autocannon' {
  namespace autocannon {
    interface Client {
      setHeadersAndBody(headers: Record<string, string>, body: string): void;
    }
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      /** Seconds. */
      timeout?: number;
      setupClient?: (client: Client) => void;
      verifyBody?: (body: string) => boolean;
    }
    interface Result {
      /** Seconds. */
      duration: number;
      '2xx': number;
      non2xx: number;
      errors: number;
      timeouts: number;
      mismatches: number;
      requests: { sent: number };
    }
    interface Instance extends PromiseLike<Result> {
      /** responseTime in milliseconds. */
      on(event: 'response', listener: (client: Client, statusCode: number, resBytes: number, responseTime: number) => void): this;
    }
  }
  function autocannon(opts: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
