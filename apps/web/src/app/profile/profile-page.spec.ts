import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ALICE_CLAIMS, provideFakeAuth, type FakeAuth } from '../../testing/fake-auth';
import { settle } from '../../testing/interact';
import { getByRole, queryByRole, textOf } from '../../testing/queries';
import type { MeResponse } from './me-response';
import { ProfilePage } from './profile-page';

const me: MeResponse = {
  oid: ALICE_CLAIMS.oid ?? null,
  name: 'Alice Smith',
  emails: ['alice@contoso.com'],
  scopes: ['notes.read', 'notes.write'],
  policy: 'B2C_1_ROPC_Auth',
  issuedAt: '2026-01-01T09:00:00.000Z',
  expiresAt: '2026-01-01T10:00:00.000Z',
};

describe('ProfilePage', () => {
  let fake: FakeAuth;
  let fixture: ComponentFixture<ProfilePage>;
  let http: HttpTestingController;

  beforeEach(() => {
    fake = provideFakeAuth();
    fake.store.signInAs();
    fake.store.sessionEndsAt.set(Date.UTC(2026, 0, 2));
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ...fake.providers],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfilePage);
    // Not `whenStable()`: the pending /api/me request keeps the app unstable until it is answered.
    fixture.detectChanges();
  });

  afterEach(() => {
    http.verify();
  });

  /** The `<dd>` after the `<dt>` named `term` inside `section`. */
  function fact(section: HTMLElement, term: string): string {
    const dt = Array.from(section.querySelectorAll('dt')).find((item) => textOf(item) === term);
    if (!dt?.nextElementSibling) throw new Error(`No fact named ${term}`);
    return textOf(dt.nextElementSibling);
  }

  const tokenSection = () => getByRole(fixture, 'region', { name: 'From your ID token' });
  const apiSection = () => getByRole(fixture, 'region', { name: 'What the API sees' });

  it("lists the id token's claims by name", () => {
    http.expectOne('/api/me');
    expect(fact(tokenSection(), 'Name')).toBe('Alice Smith');
    expect(fact(tokenSection(), 'Email addresses')).toBe('alice@contoso.com');
    expect(fact(tokenSection(), 'Object ID')).toBe(ALICE_CLAIMS.oid);
    expect(fact(tokenSection(), 'Identity provider')).toBe('LocalAccount');
    expect(fact(tokenSection(), 'Policy')).toBe('B2C_1_ROPC_Auth');
    expect(fact(tokenSection(), 'Session ends')).not.toBe('—');
    expect(fact(tokenSection(), 'Access token expires')).toBe('—');
  });

  it('shows every raw claim in a table', () => {
    http.expectOne('/api/me');
    const table = getByRole(fixture, 'table');
    const rows = Array.from(table.querySelectorAll('tbody tr'), (row) =>
      Array.from(row.children, (cell) => textOf(cell)).join(' '),
    );
    expect(rows).toContain('tfp B2C_1_ROPC_Auth');
    expect(rows).toContain('emails ["alice@contoso.com"]');
    expect(rows).toHaveLength(Object.keys(ALICE_CLAIMS).length);
  });

  it('asks the API who it thinks you are, showing progress', async () => {
    expect(textOf(getByRole(apiSection(), 'status'))).toBe('Asking the API…');
    http.expectOne({ method: 'GET', url: '/api/me' }).flush(me);
    await settle(fixture);

    expect(queryByRole(apiSection(), 'status')).toBeNull();
    expect(fact(apiSection(), 'Scopes')).toBe('notes.read notes.write');
    expect(fact(apiSection(), 'Object ID')).toBe(ALICE_CLAIMS.oid);
  });

  it('explains a failed call and tries again on request', async () => {
    http.expectOne('/api/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    await settle(fixture);
    const alert = getByRole(apiSection(), 'alert');
    expect(textOf(alert)).toContain('Your sign-in is no longer valid. Sign in again to continue.');

    getByRole(alert, 'button', { name: 'Try again' }).click();
    fixture.detectChanges();
    http.expectOne('/api/me').flush(me);
    await settle(fixture);
    expect(fact(apiSection(), 'Name')).toBe('Alice Smith');
  });
});
