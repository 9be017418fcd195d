import { Injectable, type OnDestroy } from '@angular/core';

/** The only messages tabs exchange. They never carry a token or a user's data. */
export interface AuthTabMessage {
  readonly type: 'signed-in' | 'signed-out';
}

/** The BroadcastChannel name every tab of this origin listens on. */
export const AUTH_CHANNEL_NAME = 'ropc-auth';

const isAuthTabMessage = (data: unknown): data is AuthTabMessage =>
  typeof data === 'object' &&
  data !== null &&
  ((data as AuthTabMessage).type === 'signed-in' || (data as AuthTabMessage).type === 'signed-out');

/**
 * Tells other tabs that this one signed in or out, and hears them. Internal. Feature-detected:
 * without BroadcastChannel (server rendering, jsdom) tabs simply do not hear each other.
 */
@Injectable({ providedIn: 'root' })
export class AuthTabSync implements OnDestroy {
  private channel: BroadcastChannel | undefined;

  /** Opens the channel; `onMessage` gets other tabs' messages (never this tab's own). */
  connect(onMessage: (message: AuthTabMessage) => void): void {
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(AUTH_CHANNEL_NAME);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isAuthTabMessage(event.data)) onMessage({ type: event.data.type });
    };
  }

  /** Tells every other tab; a no-op without a channel. */
  post(type: AuthTabMessage['type']): void {
    this.channel?.postMessage({ type } satisfies AuthTabMessage);
  }

  ngOnDestroy(): void {
    this.channel?.close();
    this.channel = undefined;
  }
}
