import {
  TELEMETRY_ATTRIBUTES as ATTR,
  annotateRequestSpan,
  inInternalSpan,
  type SpanNotes,
} from '@ropc/telemetry';

/** Grants as the spans name them; anything else a client sends is `other`. */
const GRANTS = ['password', 'refresh_token', 'oob', 'continuation_token'];
/** Error codes as the emulator writes them (`AADB2C90225`, `invalid_grant/password_is_invalid`). */
const ERROR_CODE = /^[A-Za-z0-9_]{1,64}(\/[A-Za-z0-9_]{1,64})?$/;

/** What a token endpoint says about the grant it is serving. */
export interface GrantNotes {
  /** The grant type the request named (`grant_type`). */
  grantType(grantType: string | undefined): void;
  /** How it ended: `success` (answered 200), or `refused` with the B2C or native-auth code. */
  issued(): void;
  refused(errorCode: string): void;
}

const grantAttribute = (grantType: string) => ({
  [ATTR.grantType]: GRANTS.includes(grantType) ? grantType : 'other',
});

/** Names the grant on the active span (the grant span), from a step that has read the form. */
export function noteGrantType(grantType: string): void {
  annotateRequestSpan(grantAttribute(grantType));
}

function grantNotes(notes: SpanNotes): GrantNotes {
  return {
    grantType: (grantType) => {
      if (grantType !== undefined) notes.set(grantAttribute(grantType));
    },
    issued: () => {
      notes.set({ [ATTR.outcome]: 'success' });
    },
    refused: (errorCode) => {
      notes.set({
        [ATTR.outcome]: 'refused',
        [ATTR.errorCode]: ERROR_CODE.test(errorCode) ? errorCode : 'other',
      });
    },
  };
}

/**
 * Runs a token endpoint's work in a span `name` (`b2c.token`, `native-auth.token`, …), a child
 * of the invocation's span, which continues the caller's trace: the grant type, the outcome,
 * the error code of a refusal. Never a username, password, code or token.
 */
export function inGrantSpan<T>(name: string, serve: (notes: GrantNotes) => Promise<T>): Promise<T> {
  return inInternalSpan(name, {}, (notes) => serve(grantNotes(notes)));
}
