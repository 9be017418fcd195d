import { CliError } from '../cli/cli-error';
import { isJsonObject, requestJson, type JsonAnswer } from '../http/json-request';
import type { GraphTarget } from './graph-target';

/** A user as Graph answers it (the properties `ropc` reads). */
export interface GraphUser {
  readonly id: string;
  readonly displayName?: string | null;
  readonly accountEnabled?: boolean;
  readonly identities?: readonly {
    readonly signInType?: string;
    readonly issuer?: string;
    readonly issuerAssignedId?: string;
  }[];
  readonly [property: string]: unknown;
}

/** The properties a listing asks for. */
const LIST_SELECT = 'id,displayName,identities,accountEnabled';

/** Pages followed at most: a listing is for people, not for exporting a directory. */
const MAX_PAGES = 50;

function describeTarget(target: GraphTarget): string {
  return target.mode === 'emulator' ? 'the emulator' : 'Microsoft Graph';
}

/** Graph's `{"error":{"code","message"}}` as a CLI error: 4xx refused (3), else exit 4. */
function graphFailure(target: GraphTarget, answer: JsonAnswer): CliError {
  const error =
    isJsonObject(answer.body) && isJsonObject(answer.body['error']) ? answer.body['error'] : {};
  const code = typeof error['code'] === 'string' ? error['code'] : undefined;
  const message = typeof error['message'] === 'string' ? error['message'] : `HTTP ${answer.status}`;
  const refused = answer.status >= 400 && answer.status < 500;
  const secret = target.mode === 'emulator' ? 'admin key' : 'access token';
  const hint = answer.status === 401 || answer.status === 403 ? ` (check the ${secret})` : '';
  return new CliError(
    refused ? 'refused' : 'unexpected_answer',
    `${describeTarget(target)} refused: ${code === undefined ? '' : `${code}: `}${message}${hint}`,
    { status: answer.status, ...(code === undefined ? {} : { graphCode: code }) },
  );
}

/** The Graph users calls `ropc users` makes, over fetch with the bearer secret. */
export class GraphUsersClient {
  constructor(private readonly target: GraphTarget) {}

  private url(path: string, query: Readonly<Record<string, string>> = {}): string {
    const url = new URL(`${this.target.baseUrl}/v1.0/users${path}`);
    if (this.target.mode === 'emulator' && this.target.tenant !== undefined) {
      url.searchParams.set('tenant', this.target.tenant);
    }
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.href;
  }

  private async call(url: string, method: string, body?: unknown): Promise<JsonAnswer> {
    const answer = await requestJson(url, describeTarget(this.target), {
      method,
      headers: { Authorization: `Bearer ${this.target.bearer}` },
      ...(body === undefined ? {} : { body }),
    });
    if (answer.status < 200 || answer.status >= 300) throw graphFailure(this.target, answer);
    return answer;
  }

  private userOf(body: unknown): GraphUser {
    if (!isJsonObject(body) || typeof body['id'] !== 'string') {
      throw new CliError('unexpected_answer', `${describeTarget(this.target)} answered no user`);
    }
    return body as GraphUser;
  }

  /** Every user, following `@odata.nextLink` on the same origin. */
  async list(): Promise<GraphUser[]> {
    const users: GraphUser[] = [];
    let next: string | undefined = this.url('', { $select: LIST_SELECT });
    for (let page = 0; next !== undefined && page < MAX_PAGES; page += 1) {
      const { body } = await this.call(next, 'GET');
      const value = isJsonObject(body) ? body['value'] : undefined;
      if (!Array.isArray(value)) {
        throw new CliError(
          'unexpected_answer',
          `${describeTarget(this.target)} answered no user list`,
        );
      }
      users.push(...value.map((user) => this.userOf(user)));
      const link = isJsonObject(body) ? body['@odata.nextLink'] : undefined;
      next =
        typeof link === 'string' && new URL(link).origin === new URL(this.target.baseUrl).origin
          ? link
          : undefined;
    }
    return users;
  }

  async create(body: Readonly<Record<string, unknown>>): Promise<GraphUser> {
    return this.userOf((await this.call(this.url(''), 'POST', body)).body);
  }

  async update(id: string, body: Readonly<Record<string, unknown>>): Promise<void> {
    await this.call(this.url(`/${encodeURIComponent(id)}`), 'PATCH', body);
  }

  async revokeSignInSessions(id: string): Promise<void> {
    await this.call(this.url(`/${encodeURIComponent(id)}/revokeSignInSessions`), 'POST');
  }

  /**
   * A user by object id, or by sign-in name (anything with an `@`), which is looked up in the
   * listing — Graph's identities filter needs the issuer, which a listing does not.
   */
  async resolve(idOrSignInName: string): Promise<GraphUser> {
    if (!idOrSignInName.includes('@')) return { id: idOrSignInName };
    const wanted = idOrSignInName.toLowerCase();
    const match = (await this.list()).find((user) =>
      user.identities?.some((identity) => identity.issuerAssignedId?.toLowerCase() === wanted),
    );
    if (match === undefined) {
      throw new CliError(
        'refused',
        `${describeTarget(this.target)} has no user signing in as ${idOrSignInName}`,
        {
          status: 404,
        },
      );
    }
    return match;
  }
}
