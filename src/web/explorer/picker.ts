import { searchEntities, toApiError } from "./api";
import { h, replaceChildren } from "./dom";
import { kindBadge } from "./legend";
import type { Entity } from "./types";

/** Milliseconds of typing pause before a search is sent. */
const DEBOUNCE_MS = 200;

/**
 * A search picker (ARIA combobox): typing a name or alias asks the API's `search` (after a
 * 200 ms pause; answers to older text are dropped), the matches show with kind and aliases,
 * and picking one shows it as a one-line card with its kind, id and aliases (every alias in
 * its tooltip). Search errors show in the list, in the API's words. Keys: ↓/↑ move, Enter
 * picks, Escape closes.
 */
export class EntityPicker {
  /** The picked entity, or null. */
  value: Entity | null = null;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly card: HTMLElement;
  private options: Entity[] = [];
  private active = -1;
  private timer: number | undefined;
  private sequence = 0;

  /**
   * @param root element to fill (its `data-role`, `from` or `to`, names the ids inside).
   * @param label the visible label ("From", "To"), also the combobox's accessible name.
   * @param onChange called with the picked entity, or null when the text no longer matches it.
   */
  constructor(
    root: HTMLElement,
    label: string,
    private readonly onChange: (entity: Entity | null) => void,
  ) {
    const role = root.dataset.role ?? label.toLowerCase();
    this.input = h("input", {
      id: `${role}-input`,
      type: "search",
      role: "combobox",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "Search a name or alias…",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": `${role}-options`,
    });
    this.list = h("ul", { id: `${role}-options`, class: "options", role: "listbox", "aria-label": `${label} matches`, hidden: true });
    this.card = h("div", { class: "entity-card", "aria-live": "polite" });
    replaceChildren(root, h("label", { for: this.input.id }, label), h("div", { class: "combo" }, this.input, this.list), this.card);
    this.input.addEventListener("input", () => this.typed());
    this.input.addEventListener("keydown", (e) => this.key(e));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  }

  /** Picks `entity` as if chosen from the list (from the details panel's "route from here"). */
  set(entity: Entity | null): void {
    this.value = entity;
    this.input.value = entity?.name ?? "";
    this.input.title = entity?.name ?? "";
    this.close();
    this.renderCard();
    this.onChange(entity);
  }

  private typed(): void {
    if (this.value && this.input.value !== this.value.name) {
      this.value = null;
      this.input.title = "";
      this.renderCard();
      this.onChange(null);
    }
    window.clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text === "") return this.close();
    this.timer = window.setTimeout(() => void this.search(text), DEBOUNCE_MS);
  }

  private async search(text: string): Promise<void> {
    const mine = ++this.sequence;
    this.show([h("li", { class: "muted", role: "presentation" }, `Searching for “${text}”…`)]);
    try {
      const found = await searchEntities(text);
      if (mine !== this.sequence) return;
      this.options = found;
      this.active = found.length > 0 ? 0 : -1;
      this.renderOptions(text);
    } catch (err) {
      if (mine !== this.sequence) return;
      this.options = [];
      const e = toApiError(err);
      this.show([h("li", { class: "error", role: "alert" }, h("strong", {}, e.code), " ", e.message)]);
    }
  }

  private renderOptions(text: string): void {
    if (this.options.length === 0) {
      this.show([h("li", { class: "muted", role: "presentation" }, `No entity matches “${text}”.`)]);
      return;
    }
    this.show(
      this.options.map((entity, i) => {
        const li = h(
          "li",
          { id: `${this.list.id}-${i}`, role: "option", "aria-selected": i === this.active ? "true" : "false", "data-id": entity.id },
          h("span", { class: "option-name" }, entity.name),
          kindBadge(entity.kind),
          entity.aliases.length > 0 ? h("span", { class: "option-aliases" }, entity.aliases.join(" · ")) : null,
        );
        li.addEventListener("mousedown", (e) => e.preventDefault());
        li.addEventListener("click", () => this.set(entity));
        return li;
      }),
    );
    this.input.setAttribute("aria-activedescendant", `${this.list.id}-${this.active}`);
  }

  private key(e: KeyboardEvent): void {
    if (this.list.hidden) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (this.options.length === 0) return;
      this.active = (this.active + (e.key === "ArrowDown" ? 1 : -1) + this.options.length) % this.options.length;
      this.renderOptions(this.input.value);
    } else if (e.key === "Enter") {
      const entity = this.options[this.active];
      if (entity) {
        e.preventDefault();
        this.set(entity);
      }
    } else if (e.key === "Escape") {
      this.close();
    }
  }

  private show(items: HTMLElement[]): void {
    replaceChildren(this.list, ...items);
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  private close(): void {
    window.clearTimeout(this.timer);
    this.sequence += 1;
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  private renderCard(): void {
    const e = this.value;
    if (!e) return replaceChildren(this.card);
    // One line, so the form stays short on a laptop screen; the tooltip lists every alias.
    const aliases = e.aliases.length > 0 ? `aka ${e.aliases.join(" · ")}` : "No aliases recorded.";
    replaceChildren(
      this.card,
      kindBadge(e.kind),
      h("code", { class: "entity-id" }, e.id),
      h("span", { class: `aliases${e.aliases.length > 0 ? "" : " muted"}`, title: [e.name, e.id, ...e.aliases].join("\n") }, aliases),
    );
  }
}
