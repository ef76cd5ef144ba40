import type { ApiError, RouteParams } from "./api";
import { formatConfidence, h, replaceChildren } from "./dom";
import { statusSample } from "./legend";
import { edgeKey, type Route, type RouteSearch } from "./types";

/** What a click in the list asks for. */
export interface RouteListHandlers {
  selectRoute(route: Route): void;
  /** A hop's edge, by its `TYPE:id` key. */
  selectHop(key: string): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A bar as long as `share` (in [0, 1]) of the best route's confidence; set through CSSOM, no inline style attribute. */
function confidenceBar(share: number): HTMLElement {
  const fill = h("span");
  fill.style.width = `${Math.max(2, share * 100).toFixed(0)}%`;
  return h("span", { class: "bar", "aria-hidden": "true" }, fill);
}

/**
 * The ranked route list and its states: loading, an error (the API's code and message), an
 * empty answer (the API's reason and hint, verbatim), and the routes (rank, confidence,
 * summary), the selected one opened into per-hop buttons that select the hop's edge.
 */
export class RouteList {
  private search: RouteSearch | null = null;
  private selected = 0;
  private activeHop: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: RouteListHandlers,
  ) {
    this.idle();
  }

  /** Before any search. */
  idle(): void {
    this.root.removeAttribute("aria-busy");
    replaceChildren(this.root, h("p", { class: "muted" }, "Pick a start and an end entity, then find routes."));
  }

  /** A search is running; `what` says which ("Searching routes from DJI to Russia…"). */
  loading(what: string): void {
    this.search = null;
    this.root.setAttribute("aria-busy", "true");
    replaceChildren(this.root, h("p", { class: "loading" }, h("span", { class: "spinner", "aria-hidden": "true" }), what));
  }

  /** A failed search: the API's code and message (or NETWORK_ERROR, HTTP_…), verbatim. */
  error(err: Pick<ApiError, "code" | "message">): void {
    this.problem("The route search failed", err.code, err.message);
  }

  /** A question the form cannot send yet (no entity picked, no status ticked). */
  incomplete(message: string): void {
    this.problem("Not ready to search", null, message);
  }

  private problem(title: string, code: string | null, message: string): void {
    this.search = null;
    this.root.removeAttribute("aria-busy");
    replaceChildren(
      this.root,
      h(
        "div",
        { class: "state error", role: "alert" },
        h("div", { class: "state-title" }, title),
        code ? h("strong", { class: "code" }, code) : null,
        code ? " " : null,
        message,
      ),
    );
  }

  /**
   * A search's answer; the first route is selected. `noRoute` titles an empty answer (default:
   * "No route within N hops").
   */
  show(search: RouteSearch, params: Pick<RouteParams, "maxHops">, noRoute?: string): void {
    this.search = search;
    this.selected = search.routes[0]?.rank ?? 0;
    this.activeHop = null;
    this.root.removeAttribute("aria-busy");
    this.render(params, noRoute);
  }

  /** Selects the route of this rank (highlighting is the caller's job). */
  select(rank: number): void {
    this.selected = rank;
    this.renderItems();
  }

  /** Marks the hop button of this edge key as current (the evidence panel shows it). */
  markHop(key: string | null): void {
    this.activeHop = key;
    for (const b of this.root.querySelectorAll<HTMLButtonElement>("button.hop")) b.setAttribute("aria-pressed", String(b.dataset.edge === key));
  }

  private render(params: Pick<RouteParams, "maxHops">, noRoute?: string): void {
    const s = this.search!;
    const facts = [
      plural(s.routes.length, "route"),
      s.exhausted ? `complete search within ${plural(params.maxHops, "hop")}` : "search cut short",
      `${s.elapsedMs} ms`,
      s.hasMore ? `more routes exist beyond these ${s.routes.length}` : null,
    ]
      .filter(Boolean)
      .join(" · ");
    const cut = s.truncated
      ? h("div", { class: "state warning", role: "status" }, h("strong", {}, s.reason ?? "TRUNCATED"), " ", s.hint ?? "The search was cut short.")
      : null;
    if (s.routes.length === 0) {
      const title =
        s.reason === "NO_PATH_WITHIN_HOPS" ? (noRoute ?? `No route within ${plural(params.maxHops, "hop")}`) : "No route found before the search was cut short";
      replaceChildren(
        this.root,
        h(
          "div",
          { class: "state empty", role: "status" },
          h("div", { class: "state-title" }, title),
          h("p", { class: "hint" }, s.hint ?? ""),
          h("div", { class: "muted" }, `reason: ${s.reason ?? "none"} · ${facts}`),
        ),
      );
      return;
    }
    replaceChildren(this.root, h("div", { class: "facts-line", role: "status" }, facts), cut, h("ol", { class: "routes", "aria-label": "Ranked routes" }));
    this.renderItems();
  }

  private renderItems(): void {
    const list = this.root.querySelector("ol.routes");
    if (!list || !this.search) return;
    const best = this.search.routes[0]?.confidence || 1;
    replaceChildren(list, ...this.search.routes.map((route) => this.item(route, best)));
  }

  private item(route: Route, best: number): HTMLElement {
    const current = route.rank === this.selected;
    const main = h(
      "button",
      { type: "button", class: "route-main", "aria-pressed": String(current) },
      h("span", { class: "rank" }, route.rank),
      h("span", { class: "summary" }, route.summary),
      h(
        "span",
        { class: "meta" },
        h("span", { class: "confidence", title: "Route confidence: the product of its hops' confidences" }, formatConfidence(route.confidence)),
        confidenceBar(route.confidence / best),
        h("span", { class: "muted" }, plural(route.length, "hop")),
      ),
    );
    main.addEventListener("click", () => {
      this.select(route.rank);
      this.handlers.selectRoute(route);
    });
    // Where the route crosses between two records judged one actor: one line each, with the judgement.
    const crossings = route.identityCrossings.map((c) => h("p", { class: "crossing muted" }, `Same actor: ${c.text}`));
    return h("li", { class: `route${current ? " current" : ""}`, "data-rank": route.rank }, main, ...crossings, current ? this.hops(route) : null);
  }

  private hops(route: Route): HTMLElement {
    return h(
      "ol",
      { class: "hops", "aria-label": `Hops of route ${route.rank}` },
      ...route.hops.map((hop) => {
        const key = edgeKey(hop.relationship);
        const r = hop.relationship;
        const b = h(
          "button",
          {
            type: "button",
            class: "hop",
            "data-edge": key,
            "aria-pressed": String(key === this.activeHop),
            title: `${r.type} (${r.status.toLowerCase()}, ${formatConfidence(r.confidence)}): ${hop.from.name} ${hop.reversed ? "←" : "→"} ${hop.to.name}. Show its evidence.`,
          },
          statusSample(r.status, r.confidence),
          // Type and ends wrap as one text: the full names always show, however long.
          h(
            "span",
            { class: "hop-text" },
            h("span", { class: "hop-type" }, r.type),
            " ",
            h("span", { class: "hop-ends" }, `${hop.from.name} ${hop.reversed ? "←" : "→"} ${hop.to.name}`),
          ),
          h("span", { class: "hop-conf" }, formatConfidence(r.confidence)),
        );
        b.addEventListener("click", () => this.handlers.selectHop(key));
        return h("li", {}, b);
      }),
    );
  }
}
