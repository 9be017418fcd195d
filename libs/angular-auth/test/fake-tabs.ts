/** A BroadcastChannel between "tabs" of one test: delivers to every other open instance. */
export class FakeBroadcastChannel {
  static readonly instances: FakeBroadcastChannel[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  readonly sent: unknown[] = [];
  closed = false;

  constructor(readonly name: string) {
    FakeBroadcastChannel.instances.push(this);
  }

  postMessage(data: unknown): void {
    this.sent.push(data);
    const copy: unknown = JSON.parse(JSON.stringify(data));
    for (const other of FakeBroadcastChannel.instances) {
      if (other === this || other.closed || other.name !== this.name) continue;
      queueMicrotask(() => other.onmessage?.({ data: copy }));
    }
  }

  close(): void {
    this.closed = true;
  }

  static reset(): void {
    FakeBroadcastChannel.instances.length = 0;
  }
}

/** Web Locks with exclusive locks granted in request order, recording every request. */
export class FakeLockManager {
  readonly requested: string[] = [];
  held = 0;
  private tail = Promise.resolve();

  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    this.requested.push(name);
    const run = this.tail.then(async () => {
      this.held++;
      try {
        return await callback();
      } finally {
        this.held--;
      }
    });
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

/** Installs the fakes on the jsdom globals; returns an undo function. */
export function installTabFakes(locks?: FakeLockManager): () => void {
  const globals = globalThis as unknown as Record<string, unknown>;
  globals['BroadcastChannel'] = FakeBroadcastChannel;
  if (locks) Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return () => {
    delete globals['BroadcastChannel'];
    if (locks) Reflect.deleteProperty(navigator, 'locks');
    FakeBroadcastChannel.reset();
  };
}
