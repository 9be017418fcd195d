import {
  FORM_CONTENT_TYPE,
  NetworkError,
  NonConformingResponseError,
  formatScope,
  passwordGrantRequest,
  processTokenResponse,
  toTokenSet,
  tokenEndpointRequest,
  type TokenSet,
} from '@ropc/protocol';
import type { ResolvedRopcAuthConfig } from './ropc-auth-config';
import type { TokenTransport, TokenTransportDeps } from './token-transport';

/** The proxy's CSRF header: a cross-site form cannot send it without a preflight it won't get. */
const CSRF_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' } as const;
const TIMEOUT_MS = 10_000;

/** `/api/auth/token` → `/api/auth/refresh` and `/api/auth/sign-out`. */
export function proxyEndpoint(tokenEndpoint: string, name: 'refresh' | 'sign-out'): string {
  return tokenEndpoint.replace(/token$/, name);
}

/**
 * Token calls through the same-origin sign-in proxy (docs/architecture.md "The sign-in proxy"). The
 * proxy answers like B2C minus `refresh_token`, which it keeps in an HttpOnly `SameSite=Strict`
 * cookie that JavaScript never sees; `credentials: 'same-origin'` sends it along.
 */
export class ProxyTokenTransport implements TokenTransport {
  constructor(
    protected readonly config: ResolvedRopcAuthConfig,
    protected readonly deps: TokenTransportDeps,
  ) {}

  async signIn(username: string, password: string): Promise<TokenSet> {
    const requestedAt = this.deps.now();
    const request = passwordGrantRequest(this.config.clientId, {
      username,
      password,
      scope: formatScope(this.config.scopes),
    });
    const response = await tokenEndpointRequest(
      {
        tokenEndpoint: this.config.tokenEndpoint,
        clientId: this.config.clientId,
        fetch: this.deps.fetch,
        headers: CSRF_HEADERS,
        credentials: 'same-origin',
      },
      request,
    );
    return toTokenSet(await processTokenResponse(response), requestedAt);
  }

  async refresh(): Promise<TokenSet> {
    const requestedAt = this.deps.now();
    const body = new URLSearchParams({ scope: formatScope(this.config.scopes) }).toString();
    const response = await this.post('refresh', body);
    return toTokenSet(await processTokenResponse(response), requestedAt);
  }

  async signOut(): Promise<void> {
    const response = await this.post('sign-out', '');
    if (!response.ok) {
      throw new NonConformingResponseError(response.status, 'the sign-in proxy refused sign-out');
    }
  }

  canRefresh(): boolean {
    return true;
  }

  remember(): void {
    // The proxy keeps the refresh token; there is nothing to keep here.
  }

  forget(): void {
    // As above.
  }

  private async post(name: 'refresh' | 'sign-out', body: string): Promise<Response> {
    try {
      return await this.deps.fetch(proxyEndpoint(this.config.tokenEndpoint, name), {
        method: 'POST',
        headers: { ...CSRF_HEADERS, 'Content-Type': FORM_CONTENT_TYPE, Accept: 'application/json' },
        body,
        credentials: 'same-origin',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new NetworkError('ERR_NETWORK', 'the sign-in proxy could not be reached');
    }
  }
}
