import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, skip } from 'rxjs';
import { AppHeader } from './shell/app-header';
import { SessionNotice } from './shell/session-notice';

/** The app shell: skip link, header, session notice and the routed page. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, AppHeader, SessionNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">Skip to main content</a>
    <app-header />
    <app-session-notice />
    <main id="main" #main class="container" tabindex="-1">
      <router-outlet />
    </main>
  `,
})
export class App {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    // A client-side navigation leaves focus on the link that was activated, so screen reader and
    // keyboard users would not notice the new page; move focus to it, except on the first load.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.focusMain();
      });
  }

  /** The skip link focuses `<main>` itself: a `#main` fragment would make the router navigate. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusMain();
  }

  private focusMain(): void {
    this.main().nativeElement.focus({ preventScroll: false });
  }
}
