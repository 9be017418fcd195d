/**
 * Building the page from data without ever parsing data as HTML: elements are created, text goes
 * in as `textContent` and values as attributes, so a display name such as
 * `<img src=x onerror=…>` shows as those characters and runs nothing.
 */

export interface ElementOptions {
  readonly text?: string;
  readonly className?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

/** A new element with its text, class, attributes and children. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly Node[] = [],
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (options.text !== undefined) created.textContent = options.text;
  if (options.className !== undefined) created.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    created.setAttribute(name, value);
  }
  created.append(...children);
  return created;
}

/** A `type="button"` button with a visible label and, if given, a fuller accessible name. */
export function button(label: string, onClick: () => void, accessibleName?: string): HTMLElement {
  const created = element('button', {
    text: label,
    attributes: { type: 'button', ...(accessibleName ? { 'aria-label': accessibleName } : {}) },
  });
  created.addEventListener('click', onClick);
  return created;
}

/** A table with a caption, column headers and rows of cells (text or nodes). */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly (string | Node)[])[],
): HTMLTableElement {
  const headRow = element(
    'tr',
    {},
    headers.map((header) => element('th', { text: header, attributes: { scope: 'col' } })),
  );
  const bodyRows = rows.map((cells) =>
    element(
      'tr',
      {},
      cells.map((cell) =>
        typeof cell === 'string' ? element('td', { text: cell }) : element('td', {}, [cell]),
      ),
    ),
  );
  return element('table', {}, [
    element('caption', { text: caption }),
    element('thead', {}, [headRow]),
    element('tbody', {}, bodyRows),
  ]);
}

/** The element with `id`, which the page must have. */
export function required<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the console page has no #${id}`);
  return found;
}

/** Replaces what `container` holds. */
export function show(container: HTMLElement, ...content: Node[]): void {
  container.replaceChildren(...content);
}

/** A short paragraph for an empty list. */
export function note(text: string): HTMLParagraphElement {
  return element('p', { text, className: 'note' });
}
