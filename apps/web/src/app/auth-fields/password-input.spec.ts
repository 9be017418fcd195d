import { Component, signal, viewChild } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { expectShowPasswordToggle } from '../../testing/expect-show-password-toggle';
import { typeInto } from '../../testing/interact';
import { getByLabelText, getByRole } from '../../testing/queries';
import { PasswordInput } from './password-input';

const PASSWORD = 'Carol-Passw0rd!';

@Component({
  imports: [PasswordInput],
  template: `
    <div class="field">
      <label for="new-password">New password</label>
      <app-password-input
        [inputId]="'new-password'"
        [autocomplete]="'new-password'"
        [invalid]="invalid()"
        [describedBy]="describedBy()"
        [(shown)]="shown"
        (input)="inputs.set(inputs() + 1)"
      />
      <p id="new-password-hint">At least 8 characters.</p>
    </div>
  `,
})
class Host {
  readonly field = viewChild.required(PasswordInput);
  readonly invalid = signal(false);
  readonly describedBy = signal<string | null>(null);
  readonly shown = signal(false);
  readonly inputs = signal(0);
}

describe('PasswordInput', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    await fixture.whenStable();
  });

  const password = () => getByLabelText(fixture, 'New password') as HTMLInputElement;
  const toggle = () => getByRole(fixture, 'button', { name: 'Show password' });

  it('is a password input with the given id, name and autocomplete, in the field’s row', () => {
    expect([password().id, password().name, password().type]).toEqual([
      'new-password',
      'new-password',
      'password',
    ]);
    expect(password().autocomplete).toBe('new-password');
    expect(password().getAttribute('autocapitalize')).toBe('none');
    expect(password().getAttribute('spellcheck')).toBe('false');
    expect(password().required).toBe(true);
    expect(password().parentElement?.classList).toContain('field__row');
  });

  it('shows and hides the password with a toggle button that reports its state', async () => {
    expect(toggle().getAttribute('type')).toBe('button');
    await expectShowPasswordToggle(fixture, password);
  });

  it('tells the page whether the password is shown', async () => {
    toggle().click();
    await fixture.whenStable();
    expect(host.shown()).toBe(true);

    toggle().click();
    await fixture.whenStable();
    expect(host.shown()).toBe(false);
  });

  it('shows the password when the page says it was shown', async () => {
    host.shown.set(true);
    await fixture.whenStable();
    expect(password().type).toBe('text');
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
  });

  it('is marked invalid and described by the ids the page gives', async () => {
    expect(password().getAttribute('aria-invalid')).toBe('false');
    expect(password().hasAttribute('aria-describedby')).toBe(false);

    host.invalid.set(true);
    host.describedBy.set('new-password-hint');
    await fixture.whenStable();
    expect(password().getAttribute('aria-invalid')).toBe('true');
    expect(password().getAttribute('aria-describedby')).toBe('new-password-hint');
  });

  it('gives the password as typed, lets the page empty the input and focus it', () => {
    typeInto(password(), ` ${PASSWORD} `);
    expect(host.field().value()).toBe(` ${PASSWORD} `);

    host.field().clear();
    expect(password().value).toBe('');
    expect(host.field().value()).toBe('');

    host.field().focus();
    expect(document.activeElement).toBe(password());
  });

  it('lets the input’s input events reach the page', () => {
    typeInto(password(), PASSWORD);
    expect(host.inputs()).toBe(1);
  });
});
