import { h, replaceChildren } from "./dom";
import { DEFAULT_KIND_STYLE, edgeWidth, KIND_STYLES, STATUS_STYLES } from "./graph-style";
import { CLAIM_STATUSES, type ClaimStatus } from "./types";

/** A small badge naming an entity kind, in the kind's graph colour. */
export function kindBadge(kind: string): HTMLElement {
  const badge = h("span", { class: "kind", "data-kind": kind }, kind);
  badge.style.setProperty("--kind-color", (KIND_STYLES[kind] ?? DEFAULT_KIND_STYLE).color);
  return badge;
}

/** A short line drawn as the graph draws edges of `status` at `confidence` (its default when omitted). */
export function statusSample(status: ClaimStatus, confidence = DEFAULT_CONFIDENCE[status]): HTMLElement {
  const s = STATUS_STYLES[status];
  const line = h("span", { class: "line-sample", "aria-hidden": "true" });
  line.style.borderTop = `${edgeWidth(confidence).toFixed(1)}px ${s.line} ${s.color}`;
  return line;
}

/** Each status's default confidence (README "confidence mapping"), for legend samples. */
const DEFAULT_CONFIDENCE: Readonly<Record<ClaimStatus, number>> = { REPORTED: 0.8, LIKELY: 0.6, POSSIBLE: 0.3, UNCONFIRMED: 0.2 };

/**
 * Fills the legend: the kinds present in the view (`kinds`), then every claim status with its
 * line style, and a note that width follows confidence.
 */
export function renderLegend(root: HTMLElement, kinds: readonly string[]): void {
  replaceChildren(
    root,
    kinds.length > 0 ? h("div", { class: "legend-kinds" }, ...[...kinds].sort().map(kindBadge)) : null,
    h(
      "div",
      { class: "legend-statuses" },
      ...CLAIM_STATUSES.map((status) => h("span", { class: "legend-status" }, statusSample(status), STATUS_STYLES[status].label)),
      h("span", { class: "muted" }, "width = confidence"),
    ),
  );
}
