import type { ComponentFixture } from '@angular/core/testing';

/** Types into a field the way a person does: the value changes, then `input` fires. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Lets promises and Angular's rendering settle: a macrotask turn drains the microtasks of an
 * `async` handler (which Angular's stability does not track), then `whenStable` renders.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

/** A promise a test resolves or rejects when it chooses, to hold a request in flight. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
