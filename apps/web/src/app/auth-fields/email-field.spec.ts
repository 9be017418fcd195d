import { Component, signal, viewChild } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { typeInto } from '../../testing/interact';
import { getByLabelText, textOf } from '../../testing/queries';
import { EmailField } from './email-field';

@Component({
  imports: [EmailField],
  template: `
    <app-email-field
      [inputId]="'email'"
      [(value)]="email"
      [error]="error()"
      [alertId]="alertId()"
      [describeWhileValid]="describeWhileValid()"
    />
    <p id="page-alert-message">An account with this email address already exists.</p>
  `,
})
class Host {
  readonly field = viewChild.required(EmailField);
  readonly email = signal('');
  readonly error = signal<string | null>(null);
  readonly alertId = signal<string | null>(null);
  readonly describeWhileValid = signal(true);
}

describe('EmailField', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    await fixture.whenStable();
  });

  const email = () => getByLabelText(fixture, 'Email address') as HTMLInputElement;
  const errorLine = () => document.getElementById('email-error')!;
  /** The texts that `aria-describedby` points at, in its order. */
  const descriptions = () =>
    (email().getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => textOf(document.getElementById(id)!));

  it('is a labelled email input that browsers and password managers know as the username', () => {
    expect([email().id, email().name, email().type, email().inputMode]).toEqual([
      'email',
      'email',
      'email',
      'email',
    ]);
    expect(email().autocomplete).toBe('username');
    expect(email().getAttribute('autocapitalize')).toBe('none');
    expect(email().getAttribute('spellcheck')).toBe('false');
    expect(email().required).toBe(true);
    expect(email().closest('.field')?.tagName).toBe('APP-EMAIL-FIELD');
  });

  it('keeps its empty error line in the page and is described by it', () => {
    expect(email().getAttribute('aria-invalid')).toBe('false');
    expect(email().getAttribute('aria-describedby')).toBe('email-error');
    expect(errorLine().className).toBe('field__error field__error--reserved');
    expect(textOf(errorLine())).toBe('');
  });

  it('says the error on its line and is invalid while there is one', async () => {
    host.error.set('Enter a full email address.');
    await fixture.whenStable();
    expect(email().getAttribute('aria-invalid')).toBe('true');
    expect(descriptions()).toEqual(['Enter a full email address.']);

    host.error.set(null);
    await fixture.whenStable();
    expect(email().getAttribute('aria-invalid')).toBe('false');
    expect(descriptions()).toEqual(['']);
  });

  it('is invalid and described by the page alert as well while one speaks for it', async () => {
    host.alertId.set('page-alert-message');
    await fixture.whenStable();
    expect(email().getAttribute('aria-invalid')).toBe('true');
    expect(email().getAttribute('aria-describedby')).toBe('email-error page-alert-message');
    expect(descriptions()).toEqual(['', 'An account with this email address already exists.']);
  });

  it('can be described by its error line only while it says something', async () => {
    host.describeWhileValid.set(false);
    await fixture.whenStable();
    expect(email().hasAttribute('aria-describedby')).toBe(false);

    host.error.set('Enter your email address.');
    await fixture.whenStable();
    expect(email().getAttribute('aria-describedby')).toBe('email-error');
  });

  it('shows the bound address and writes what is typed back to it', async () => {
    host.email.set('alice@contoso.com');
    await fixture.whenStable();
    expect(email().value).toBe('alice@contoso.com');

    typeInto(email(), 'carol@contoso.com');
    expect(host.email()).toBe('carol@contoso.com');
  });

  it('takes focus, or focus with the address selected so that typing replaces it', () => {
    // jsdom keeps no selection in an email input (nor does the spec): the call is what is seen.
    const select = jest.spyOn(email(), 'select');
    host.field().focus();
    expect(document.activeElement).toBe(email());
    expect(select).not.toHaveBeenCalled();

    email().blur();
    host.field().select();
    expect(document.activeElement).toBe(email());
    expect(select).toHaveBeenCalledTimes(1);
  });
});
