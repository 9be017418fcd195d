import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AUTH_CLOCK } from '../src/auth-clock';
import { AUTH_FETCH } from '../src/auth-fetch';
import { authInterceptor } from '../src/auth-interceptor';
import { AuthService } from '../src/auth-service';
import { AuthStore } from '../src/auth-store';
import { provideRopcAuth } from '../src/provide-ropc-auth';
import type { RopcAuthConfig } from '../src/ropc-auth-config';
import { FakeFetch, jsonResponse, type Responder } from './fake-fetch';
import { NO_SESSION, PROXY_CONFIG } from './token-fixtures';

/** A settable clock, epoch milliseconds. */
export class TestClock {
  constructor(public now = 1_767_607_200_000) {}
  advance(seconds: number): void {
    this.now += seconds * 1000;
  }
}

/** Options of {@link setUpAuth}. */
export interface AuthTestOptions {
  readonly config?: RopcAuthConfig | (() => Promise<RopcAuthConfig>);
  /** The proxy's answer to the start-up refresh; default: no session (400 invalid_grant). */
  readonly startup?: Responder;
  /** False: do not wait for the start-up refresh to settle. */
  readonly awaitReady?: boolean;
  readonly fetch?: FakeFetch;
  readonly providers?: readonly Provider[];
}

/** Lets queued promise callbacks and fake tab messages run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * An application with `provideRopcAuth`, `HttpClient` with the interceptor and the testing
 * backend, a router (`/sign-in`, `/notes`, anything else), a fake fetch and a test clock.
 */
export async function setUpAuth(options: AuthTestOptions = {}) {
  const fetch = options.fetch ?? new FakeFetch();
  const config = options.config ?? PROXY_CONFIG;
  if (typeof config !== 'function' && config.mode === 'proxy') {
    fetch.when('/api/auth/refresh', options.startup ?? jsonResponse(400, NO_SESSION));
  }
  const clock = new TestClock();
  TestBed.configureTestingModule({
    providers: [
      provideRopcAuth(config),
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideRouter([{ path: '**', children: [] }]),
      { provide: AUTH_FETCH, useValue: fetch.fetch },
      { provide: AUTH_CLOCK, useValue: () => clock.now },
      ...(options.providers ?? []),
    ],
  });
  await TestBed.inject(ApplicationInitStatus).donePromise;
  const store = TestBed.inject(AuthStore);
  if (options.awaitReady !== false) await store.ready;
  return {
    fetch,
    clock,
    store,
    auth: TestBed.inject(AuthService),
    http: TestBed.inject(HttpClient),
    httpTesting: TestBed.inject(HttpTestingController),
    router: TestBed.inject(Router),
  };
}

/** The objects {@link setUpAuth} returns. */
export type AuthTest = Awaited<ReturnType<typeof setUpAuth>>;
