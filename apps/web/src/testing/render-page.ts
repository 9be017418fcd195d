import type { Provider, Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

/** A routed page under test, and the router's `navigateByUrl`, stubbed to resolve at once. */
export interface RenderedPage<T> {
  readonly fixture: ComponentFixture<T>;
  readonly navigateByUrl: jest.SpyInstance;
}

/**
 * Renders a page the way the router does: with a router, the given providers and the
 * `returnUrl` query parameter as its input when there is one. Navigation is recorded, not done.
 */
export async function renderPage<T>(
  page: Type<T>,
  options: { providers?: Provider[]; returnUrl?: string | undefined } = {},
): Promise<RenderedPage<T>> {
  TestBed.configureTestingModule({ providers: [provideRouter([]), ...(options.providers ?? [])] });
  const navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  const fixture = TestBed.createComponent(page);
  if (options.returnUrl !== undefined)
    fixture.componentRef.setInput('returnUrl', options.returnUrl);
  await fixture.whenStable();
  return { fixture, navigateByUrl };
}
