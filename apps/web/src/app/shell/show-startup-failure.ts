/**
 * Replaces the app root with a plain message when bootstrap fails (most often: `config.json` is
 * missing or invalid), so people see why instead of a blank page. Built with the DOM API, not
 * `innerHTML`, because the message may quote server text.
 */
export function showStartupFailure(error: unknown): void {
  console.error(error);
  const root = document.querySelector('app-root') ?? document.body;
  const box = document.createElement('div');
  box.className = 'startup-failure';
  box.setAttribute('role', 'alert');
  const heading = document.createElement('h1');
  heading.textContent = 'The app could not start';
  const detail = document.createElement('p');
  detail.textContent = error instanceof Error ? error.message : String(error);
  box.append(heading, detail);
  root.replaceChildren(box);
}
