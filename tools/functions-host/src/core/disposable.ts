import type { DisposableLike } from './core-types';

/**
 * The worker's `Disposable`: returned by `registerFunction`/`registerHook` and exposed on the core
 * API. Disposing runs the callback once.
 */
export class Disposable implements DisposableLike {
  #callOnDispose: (() => unknown) | undefined;

  /** Combines several disposables into one. */
  static from(...disposables: DisposableLike[]): Disposable {
    return new Disposable(() => {
      for (const disposable of disposables) disposable.dispose();
    });
  }

  constructor(callOnDispose: () => unknown) {
    this.#callOnDispose = callOnDispose;
  }

  /** Runs the callback the first time; later calls do nothing. */
  dispose(): unknown {
    const callback = this.#callOnDispose;
    this.#callOnDispose = undefined;
    return callback?.();
  }
}
