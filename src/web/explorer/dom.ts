/**
 * DOM building without HTML strings. Entity names, quotes and URLs come from imported data, so
 * every piece of text goes in through `textContent` (never `innerHTML`): markup in the data shows
 * as text and cannot run.
 */

/** A child of {@link h}: an element, text (set as a text node), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes of {@link h}: `class`, `aria-*`, `data-*` and other attributes as strings; `false`/`null` leave one out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/**
 * Creates an element: `h("li", { class: "route", "data-rank": 1 }, "text", child)`. `true`
 * sets a boolean attribute (`disabled`), `false`/`null`/`undefined` leave it out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children (text as text nodes). */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** The element with this id, which index.html declares. @throws Error when the page lacks it (a build mismatch). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The explorer page has no #${id}`);
  return el as T;
}

/** `url` when it is an absolute http(s) URL, else null: a `javascript:` URL from imported data must never become a link. */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A confidence for display: at most 4 decimals, trailing zeros dropped (0.512, 0.0576, 0.8).
 * Confidences are products in [0, 1]; the API already rounds them to 9 decimals.
 */
export function formatConfidence(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** `n` with its noun: `count(1, "entity", "entities")` is "1 entity", `count(3, …)` "3 entities". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Saves `blob` as a download named `fileName` (an object URL on a temporary link, revoked a minute later). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: fileName, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
