import type { EndedSessionStore } from './ended-session-store';

/** Past this many entries, expired ones are swept without waiting for the cleanup timer. */
const SWEEP_AT_SIZE = 10_000;

/** Ended sessions in process memory. */
export class MemoryEndedSessionStore implements EndedSessionStore {
  private readonly ended = new Map<string, number>();

  async end(sid: string, untilSeconds: number): Promise<void> {
    this.ended.set(sid, untilSeconds);
    if (this.ended.size > SWEEP_AT_SIZE) await this.deleteExpired(Math.floor(Date.now() / 1000));
  }

  isEnded(sid: string, nowSeconds: number): Promise<boolean> {
    const until = this.ended.get(sid);
    return Promise.resolve(until !== undefined && until > nowSeconds);
  }

  deleteExpired(nowSeconds: number): Promise<number> {
    let deleted = 0;
    for (const [sid, until] of this.ended) {
      if (until <= nowSeconds) {
        this.ended.delete(sid);
        deleted += 1;
      }
    }
    return Promise.resolve(deleted);
  }
}
