import type { ComponentFixture } from '@angular/core/testing';

/**
 * Role and label queries in the spirit of Testing Library (not installed here), so tests find
 * elements the way people and assistive technology do rather than by CSS selectors. Covers the
 * roles this app uses; hidden elements (`hidden`, `aria-hidden`, `display: none`) never match.
 */
export type NameMatcher = string | RegExp;

const INPUT_ROLES: Readonly<Record<string, string>> = {
  button: 'button',
  submit: 'button',
  checkbox: 'checkbox',
  email: 'textbox',
  password: 'password',
  search: 'searchbox',
  text: 'textbox',
};

function implicitRole(element: Element): string | null {
  const tag = element.tagName.toLowerCase();
  if (tag === 'input') return INPUT_ROLES[element.getAttribute('type') ?? 'text'] ?? null;
  if (/^h[1-6]$/.test(tag)) return 'heading';
  const roles: Readonly<Record<string, string>> = {
    button: 'button',
    textarea: 'textbox',
    ul: 'list',
    ol: 'list',
    li: 'listitem',
    table: 'table',
    nav: 'navigation',
    main: 'main',
    article: 'article',
    dl: 'definitionlist',
  };
  if (tag === 'a') return element.hasAttribute('href') ? 'link' : null;
  if (tag === 'section') {
    const named = element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby');
    return named ? 'region' : null;
  }
  return roles[tag] ?? null;
}

function roleOf(element: Element): string | null {
  return element.getAttribute('role')?.split(' ')[0] ?? implicitRole(element);
}

function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (node instanceof HTMLElement && node.style.display === 'none') return true;
  }
  return false;
}

function visibleText(node: Node): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return Array.from(node.childNodes, visibleText).join('');
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The accessible name: aria-labelledby, aria-label, a `<label for>`, else the text. Looser than
 * the spec (which names live regions only by author), so tests can find a status by its words.
 */
export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy !== null) {
    const parts = labelledBy.split(/\s+/).map((id) => element.ownerDocument.getElementById(id));
    return normalise(parts.map((part) => (part ? visibleText(part) : '')).join(' '));
  }
  const label = element.getAttribute('aria-label');
  if (label !== null) return normalise(label);
  if (element.id !== '') {
    const labels = element.ownerDocument.querySelectorAll(`label[for="${element.id}"]`);
    if (labels.length > 0) return normalise(Array.from(labels, visibleText).join(' '));
  }
  return normalise(visibleText(element));
}

function matches(text: string, matcher: NameMatcher | undefined): boolean {
  if (matcher === undefined) return true;
  return typeof matcher === 'string' ? text === matcher : matcher.test(text);
}

function rootOf(container: ComponentFixture<unknown> | Element): Element {
  return container instanceof Element ? container : (container.nativeElement as Element);
}

/** Every visible element with `role` (and accessible name matching `name`), in document order. */
export function queryAllByRole(
  container: ComponentFixture<unknown> | Element,
  role: string,
  options: { name?: NameMatcher } = {},
): HTMLElement[] {
  return Array.from(rootOf(container).querySelectorAll<HTMLElement>('*')).filter(
    (element) =>
      roleOf(element) === role &&
      !isHidden(element) &&
      matches(accessibleName(element), options.name),
  );
}

export function queryByRole(
  container: ComponentFixture<unknown> | Element,
  role: string,
  options: { name?: NameMatcher } = {},
): HTMLElement | null {
  const found = queryAllByRole(container, role, options);
  if (found.length > 1) throw new Error(`${found.length} elements with role "${role}" match`);
  return found[0] ?? null;
}

export function getByRole(
  container: ComponentFixture<unknown> | Element,
  role: string,
  options: { name?: NameMatcher } = {},
): HTMLElement {
  const found = queryByRole(container, role, options);
  if (found === null) {
    throw new Error(
      `No element with role "${role}"${options.name ? ` named ${String(options.name)}` : ''}`,
    );
  }
  return found;
}

/** The form control whose `<label for>` text matches. */
export function getByLabelText(
  container: ComponentFixture<unknown> | Element,
  text: NameMatcher,
): HTMLInputElement | HTMLTextAreaElement {
  const labels = Array.from(rootOf(container).querySelectorAll('label')).filter((label) =>
    matches(normalise(visibleText(label)), text),
  );
  if (labels.length !== 1) throw new Error(`${labels.length} labels match ${String(text)}`);
  const control = rootOf(container).ownerDocument.getElementById(labels[0]?.htmlFor ?? '');
  if (control === null) throw new Error(`The label ${String(text)} names no control`);
  return control as HTMLInputElement | HTMLTextAreaElement;
}

/** The text of an element as read, whitespace collapsed. */
export function textOf(element: Element): string {
  return normalise(visibleText(element));
}

/** The texts of what an element's `aria-describedby` names, in its order; none without it. */
export function descriptionsOf(element: Element): string[] {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => {
    const description = element.ownerDocument.getElementById(id);
    if (description === null) throw new Error(`aria-describedby names no element "${id}"`);
    return textOf(description);
  });
}
