import type { ComponentFixture } from '@angular/core/testing';
import { getByRole } from './queries';

/**
 * The "Show password" toggle of a password field, as every page with one must behave: a button
 * that controls the field, reports its state with `aria-pressed`, shows the password as text and
 * hides it again.
 */
export async function expectShowPasswordToggle(
  fixture: ComponentFixture<unknown>,
  password: () => HTMLInputElement | HTMLTextAreaElement,
): Promise<void> {
  const toggle = getByRole(fixture, 'button', { name: 'Show password' });
  expect(toggle.getAttribute('aria-controls')).toBe(password().id);
  expect(toggle.getAttribute('aria-pressed')).toBe('false');

  toggle.click();
  await fixture.whenStable();
  expect(toggle.getAttribute('aria-pressed')).toBe('true');
  expect(password().type).toBe('text');

  toggle.click();
  await fixture.whenStable();
  expect(password().type).toBe('password');
}
