import { h, replaceChildren } from "./dom";

/**
 * Marks the graph as a previous result when a new route search fails or cannot be sent: the
 * canvas is dimmed and greyed (`.graph.stale`) and a banner above it says what it still shows
 * and why, with buttons to clear the view or keep working with it. Without this, an error in
 * the route list sat next to the old routes' graph, and nothing said which question it answered.
 */
export class StaleView {
  constructor(
    private readonly banner: HTMLElement,
    private readonly graph: HTMLElement,
    private readonly onClear: () => void,
  ) {}

  /** Dims the graph and shows the banner: `why` the graph is stale, `what` it shows. */
  mark(why: string, what: string): void {
    const clear = h("button", { type: "button", class: "stale-clear" }, "Clear view");
    clear.addEventListener("click", () => this.onClear());
    const keep = h("button", { type: "button", class: "stale-keep", title: "Keep working with the previous result, undimmed" }, "Keep it");
    keep.addEventListener("click", () => this.unmark());
    replaceChildren(
      this.banner,
      h("span", { class: "stale-text" }, h("strong", {}, "Previous result. "), `${why}, so the graph below still shows ${what}.`),
      clear,
      keep,
    );
    this.banner.hidden = false;
    this.graph.classList.add("stale");
  }

  /** Shows the graph normally again (a new answer, a cleared view, or the user's choice). */
  unmark(): void {
    this.banner.hidden = true;
    replaceChildren(this.banner);
    this.graph.classList.remove("stale");
  }
}
