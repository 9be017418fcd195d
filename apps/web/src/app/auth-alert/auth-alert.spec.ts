import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { getByRole, queryByRole, textOf } from '../../testing/queries';
import { AuthAlert } from './auth-alert';

const MESSAGE = 'The email or password is incorrect.';
const CORRELATION_ID = '7c3f1c52-1b9e-4c1d-8a51-3e1f0f3a9b10';

@Component({
  imports: [AuthAlert],
  template: `
    <app-auth-alert
      class="page__alert"
      [message]="message()"
      [correlationId]="correlationId()"
      [messageId]="messageId()"
      [notice]="notice()"
    >
      @if (withLink()) {
        &ngsp;<a href="/sign-in">Go to sign-in</a>
      }
    </app-auth-alert>
  `,
})
class Host {
  readonly message = signal<string | null>(null);
  readonly correlationId = signal<string | undefined>(undefined);
  readonly messageId = signal<string | undefined>(undefined);
  readonly notice = signal<string | null>(null);
  readonly withLink = signal(false);
}

describe('AuthAlert', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    await fixture.whenStable();
  });

  const region = () => getByRole(fixture, 'alert');
  const paragraphs = () => Array.from(region().querySelectorAll('p'), textOf);

  /** Sets the host's bindings that `state` names, then lets the alert render. */
  async function show(state: {
    message?: string | null;
    correlationId?: string;
    messageId?: string;
    notice?: string | null;
    withLink?: boolean;
  }): Promise<void> {
    if (state.message !== undefined) host.message.set(state.message);
    if (state.correlationId !== undefined) host.correlationId.set(state.correlationId);
    if (state.messageId !== undefined) host.messageId.set(state.messageId);
    if (state.notice !== undefined) host.notice.set(state.notice);
    if (state.withLink !== undefined) host.withLink.set(state.withLink);
    await fixture.whenStable();
  }

  it('is an atomic alert region, in the page and empty while there is nothing to say', () => {
    expect(region().getAttribute('aria-atomic')).toBe('true');
    expect(region().classList).toContain('page__alert');
    expect(region().matches(':empty')).toBe(true);
    expect(textOf(region())).toBe('');
  });

  it('says the message in an error alert', async () => {
    await show({ message: MESSAGE });
    const alert = region().querySelector('.alert')!;
    expect(Array.from(alert.classList)).toEqual(['alert', 'alert--error']);
    expect(region().querySelector('p.alert__text')?.textContent).toBe(MESSAGE);
    expect(paragraphs()).toEqual([MESSAGE]);
  });

  it('adds the correlation id as a support code', async () => {
    await show({ message: MESSAGE, correlationId: CORRELATION_ID });
    expect(paragraphs()).toEqual([MESSAGE, `Support code: ${CORRELATION_ID}`]);
    expect(region().querySelector('.alert__support code')?.textContent).toBe(CORRELATION_ID);
  });

  it('shows no support code without a correlation id', async () => {
    await show({ message: MESSAGE });
    expect(region().querySelector('.alert__support')).toBeNull();
  });

  it('gives the message paragraph an id only when asked, for a field to be described by', async () => {
    await show({ message: MESSAGE });
    expect(region().querySelector('.alert__text')?.hasAttribute('id')).toBe(false);

    await show({ messageId: 'page-alert-message' });
    expect(textOf(document.getElementById('page-alert-message')!)).toBe(MESSAGE);
  });

  it('puts projected content right after the message, in its paragraph', async () => {
    await show({ message: MESSAGE, withLink: true });
    const link = getByRole(fixture, 'link', { name: 'Go to sign-in' });
    expect(link.parentElement?.classList).toContain('alert__text');
    expect(paragraphs()).toEqual([`${MESSAGE} Go to sign-in`]);
  });

  it('shows projected content only with a message, and again when a message returns', async () => {
    await show({ withLink: true });
    expect(queryByRole(fixture, 'link')).toBeNull();
    expect(region().matches(':empty')).toBe(true);

    await show({ message: MESSAGE });
    await show({ message: null });
    await show({ message: 'An account with this email address already exists.' });
    expect(paragraphs()).toEqual([
      'An account with this email address already exists. Go to sign-in',
    ]);
  });

  it('says a notice in a success alert when there is no failure', async () => {
    await show({ notice: 'We sent a new code. Use the newest one.' });
    const notice = region().querySelector('p')!;
    expect(Array.from(notice.classList)).toEqual(['alert', 'alert--success']);
    expect(textOf(region())).toBe('We sent a new code. Use the newest one.');
  });

  it('says the failure instead of the notice when there are both', async () => {
    await show({ notice: 'We sent a new code. Use the newest one.', message: MESSAGE });
    expect(paragraphs()).toEqual([MESSAGE]);
    expect(region().querySelector('.alert--success')).toBeNull();
  });
});
