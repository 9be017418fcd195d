import type { TokenSet } from '@ropc/protocol';
import type { AuthorityKind } from '../authority/authority-kind';

/** Tokens from a sign-in or a refresh, with where they came from. */
export interface SignInResult {
  readonly kind: AuthorityKind;
  readonly authority: string;
  readonly clientId: string;
  /** The scope asked for. */
  readonly scope: string;
  readonly username?: string;
  readonly tokens: TokenSet;
}
