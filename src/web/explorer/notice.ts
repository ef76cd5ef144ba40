import { h, replaceChildren } from "./dom";

/**
 * What a notice says: an error or a warning (both stay until dismissed or replaced), work in
 * progress, or a result (fades after 8 s).
 */
export type NoticeKind = "error" | "warning" | "busy" | "info";

/**
 * The message strip above the graph, for work that has no place in the route list: expanding
 * a node, exporting. Errors carry the API's code and message and a Dismiss button; they are
 * announced to screen readers (`role="alert"`).
 */
export class Notice {
  private timer: number | undefined;

  constructor(private readonly root: HTMLElement) {}

  /** Shows `message`; for errors `code` is the API's `extensions.code` (or NETWORK_ERROR, HTTP_…). */
  show(kind: NoticeKind, message: string, code?: string): void {
    window.clearTimeout(this.timer);
    this.root.className = `notice ${kind}`;
    this.root.setAttribute("role", kind === "error" ? "alert" : "status");
    const dismiss = h("button", { type: "button", class: "dismiss", "aria-label": "Dismiss" }, "×");
    dismiss.addEventListener("click", () => this.hide());
    replaceChildren(
      this.root,
      kind === "busy" ? h("span", { class: "spinner", "aria-hidden": "true" }) : null,
      code ? h("strong", {}, code) : null,
      h("span", { class: "notice-text" }, message),
      dismiss,
    );
    this.root.hidden = false;
    if (kind === "info") this.timer = window.setTimeout(() => this.hide(), 8000);
  }

  /** Hides the strip. */
  hide(): void {
    window.clearTimeout(this.timer);
    this.root.hidden = true;
    replaceChildren(this.root);
  }
}
