import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RopcAuthConfig } from '@ropc/angular-auth';
import { provideFakeAuth } from '../../testing/fake-auth';
import { getByRole, queryByRole, textOf } from '../../testing/queries';
import { HostedFlowPage, type HostedFlow } from './hosted-flow-page';

describe('HostedFlowPage', () => {
  async function render(flow: HostedFlow, config: Partial<RopcAuthConfig> = {}) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), ...provideFakeAuth(config).providers],
    });
    const fixture = TestBed.createComponent(HostedFlowPage);
    fixture.componentRef.setInput('flow', flow);
    await fixture.whenStable();
    return fixture;
  }

  it('links to the hosted sign-up user flow when config.json names it', async () => {
    const fixture = await render('sign-up', { signUpUrl: 'https://contoso.b2clogin.com/up' });
    expect(getByRole(fixture, 'heading', { name: 'Create an account' })).toBeTruthy();
    const link = getByRole(fixture, 'link', { name: 'Go to the sign-up page' });
    expect(link.getAttribute('href')).toBe('https://contoso.b2clogin.com/up');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('links to the hosted password reset user flow when config.json names it', async () => {
    const fixture = await render('password-reset', {
      passwordResetUrl: 'https://contoso.b2clogin.com/reset',
    });
    expect(getByRole(fixture, 'heading', { name: 'Reset your password' })).toBeTruthy();
    expect(
      getByRole(fixture, 'link', { name: 'Go to the password reset page' }).getAttribute('href'),
    ).toBe('https://contoso.b2clogin.com/reset');
  });

  it('says plainly that the app offers none when no page is configured', async () => {
    const fixture = await render('sign-up');
    expect(queryByRole(fixture, 'link', { name: /sign-up page/ })).toBeNull();
    expect(textOf(fixture.nativeElement as HTMLElement)).toContain(
      "Creating an account isn't available in this app.",
    );
    expect(getByRole(fixture, 'link', { name: 'Back to sign in' }).getAttribute('href')).toBe(
      '/sign-in',
    );
  });
});
