import type { Routes } from '@angular/router';
import { authGuard } from '@ropc/angular-auth';
import { authorityKindIs } from './config/authority-kind-is';
import { signedOutGuard } from './sign-in/signed-out-guard';

/** Page title suffix, so browser tabs and screen readers name the app after the page. */
const APP_NAME = 'Contoso Notes';

/**
 * The app's pages. Each page is lazy-loaded so the initial bundle holds only the shell; the
 * sign-in page is the one most people land on first, so it is the smallest.
 */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'notes' },
  {
    path: 'sign-in',
    title: `Sign in · ${APP_NAME}`,
    canActivate: [signedOutGuard],
    loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  // External ID signs people up and resets passwords in the app; on B2C, whose ROPC does
  // neither, the same paths show the hosted user flows' links.
  {
    path: 'sign-up',
    title: `Create your account · ${APP_NAME}`,
    canMatch: [authorityKindIs('external-id')],
    canActivate: [signedOutGuard],
    loadComponent: () => import('./sign-up/sign-up-page').then((m) => m.SignUpPage),
  },
  {
    path: 'reset-password',
    title: `Reset your password · ${APP_NAME}`,
    canMatch: [authorityKindIs('external-id')],
    canActivate: [signedOutGuard],
    loadComponent: () =>
      import('./password-reset/password-reset-page').then((m) => m.PasswordResetPage),
  },
  {
    path: 'sign-up',
    title: `Create an account · ${APP_NAME}`,
    data: { flow: 'sign-up' },
    loadComponent: () => import('./hosted-flow/hosted-flow-page').then((m) => m.HostedFlowPage),
  },
  {
    path: 'reset-password',
    title: `Reset your password · ${APP_NAME}`,
    data: { flow: 'password-reset' },
    loadComponent: () => import('./hosted-flow/hosted-flow-page').then((m) => m.HostedFlowPage),
  },
  {
    path: 'notes',
    title: `Notes · ${APP_NAME}`,
    canActivate: [authGuard],
    loadComponent: () => import('./notes/notes-page').then((m) => m.NotesPage),
  },
  {
    path: 'profile',
    title: `Profile · ${APP_NAME}`,
    canActivate: [authGuard],
    loadComponent: () => import('./profile/profile-page').then((m) => m.ProfilePage),
  },
  {
    path: '**',
    title: `Page not found · ${APP_NAME}`,
    loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
