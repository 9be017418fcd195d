/** The two kinds of authority `ropc` signs in to. */
export type AuthorityKind = 'b2c' | 'external-id';

export const AUTHORITY_KINDS: readonly AuthorityKind[] = ['b2c', 'external-id'];

/** The kind's name for people. */
export const AUTHORITY_KIND_NAMES: Readonly<Record<AuthorityKind, string>> = {
  b2c: 'Azure AD B2C, ROPC',
  'external-id': 'Entra External ID, native authentication',
};

export function isAuthorityKind(value: string): value is AuthorityKind {
  return (AUTHORITY_KINDS as readonly string[]).includes(value);
}
