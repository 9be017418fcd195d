// The part of autocannon 8 that the bench uses (the package ships no types): a run with options,
// resolved with its aggregated result when no callback is given.
declare module 'autocannon' {
  interface Options {
    readonly url: string;
    readonly connections?: number;
    /** Seconds. */
    readonly duration?: number;
    readonly headers?: Readonly<Record<string, string>>;
  }

  interface Result {
    readonly errors: number;
    readonly non2xx: number;
    /** Requests per second on average, and the answers counted in all. */
    readonly requests: { readonly average: number; readonly total: number };
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
