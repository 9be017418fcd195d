import type { Routes } from '@angular/router';
import { authGuard } from '@ropc/angular-auth';
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
