import type cytoscape from "cytoscape";
import { DEFAULT_KIND_STYLE, KIND_STYLES, ROUTE_COLOR, SELECTED_COLOR, STATUS_STYLES } from "./graph-style";

/** Node label size in screen pixels (at zoom 1, and kept down to {@link LABEL_ZOOM_FLOOR}). */
export const NODE_LABEL_PX = 12;

/** Edge label size in screen pixels (at zoom 1, and kept down to {@link LABEL_ZOOM_FLOOR}). */
export const EDGE_LABEL_PX = 10.5;

/**
 * Lowest zoom at which labels keep their full screen size: zooming out further shrinks them
 * with the graph (and Cytoscape.js hides them below `min-zoomed-font-size`).
 */
export const LABEL_ZOOM_FLOOR = 0.55;

/** Width (graph units at label scale 1) at which node labels wrap. */
const NODE_LABEL_WRAP = 150;

/**
 * How much larger, in graph units, labels are drawn at `zoom` so that they keep their screen
 * size when the view is zoomed out: 1 at zoom ≥ 1, 1/zoom down to {@link LABEL_ZOOM_FLOOR}.
 */
export function labelScale(zoom: number): number {
  return Math.min(1 / LABEL_ZOOM_FLOOR, Math.max(1, 1 / zoom));
}

const FADED_EDGE_COLOR = "#9AA5B4";

/**
 * The Cytoscape.js stylesheet. Node data: `label`, `kind`; edge data: `type`, `status`,
 * `confidence`. `scale` is the current {@link labelScale} (graph-labels.ts applies a new
 * stylesheet when it changes). Classes:
 * - `endpoint` (the search's from and to), `on-route` (the highlighted route), `faded` (not
 *   on it: greyed, still legible);
 * - `quiet` (on every edge of a busy view until the user zooms in): no label, unless the edge is
 *   on the route, selected or hovered (`hover`);
 * - `hover` on a hovered node, `near-hover` on its edges, `near-selected` on the selected
 *   node's edges (all drawn at full opacity).
 * Node labels sit on an opaque background above every edge, so converging edges never hide them.
 */
export function graphStylesheet(scale: number): cytoscape.StylesheetJson {
  const kinds = Object.entries(KIND_STYLES).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { "background-color": s.color, shape: s.shape },
  }));
  const statuses = Object.entries(STATUS_STYLES).map(([status, s]) => ({
    selector: `edge[status = "${status}"]`,
    style: { "line-style": s.line, "line-color": s.color, "target-arrow-color": s.color },
  }));
  const labelled = "edge.on-route, edge.hover, edge:selected";
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        width: 26,
        height: 26,
        "background-color": DEFAULT_KIND_STYLE.color,
        shape: DEFAULT_KIND_STYLE.shape,
        "border-width": 1.5,
        "border-color": "#FFFFFF",
        "font-size": NODE_LABEL_PX * scale,
        "font-family": "system-ui, Roboto, Arial, sans-serif",
        color: "#1F2937",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 4,
        "text-wrap": "wrap",
        "text-max-width": `${Math.round(NODE_LABEL_WRAP * scale)}px`,
        "text-background-color": "#FFFFFF",
        "text-background-opacity": 1,
        "text-background-padding": "2px",
        "text-background-shape": "round-rectangle",
        "min-zoomed-font-size": 6,
      },
    },
    ...kinds,
    {
      selector: "edge",
      style: {
        width: "mapData(confidence, 0, 1, 1, 5)",
        "curve-style": "bezier",
        // Parallel edges (two claims between the same entities) fan out instead of overlapping.
        "control-point-step-size": 34,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        label: "data(type)",
        "font-size": EDGE_LABEL_PX * scale,
        "font-weight": 600,
        "font-family": "system-ui, Roboto, Arial, sans-serif",
        color: "#334155",
        "text-rotation": "autorotate",
        "text-background-color": "#FFFFFF",
        "text-background-opacity": 1,
        "text-background-padding": "2px",
        "text-background-shape": "round-rectangle",
        "min-zoomed-font-size": 6,
      },
    },
    ...statuses,
    { selector: "edge.quiet", style: { label: "" } },
    { selector: "node.faded", style: { "background-opacity": 0.45, "border-opacity": 0.45, "text-opacity": 0.8 } },
    { selector: "edge.faded", style: { "line-color": FADED_EDGE_COLOR, "target-arrow-color": FADED_EDGE_COLOR, color: "#5F6B7A", opacity: 0.7 } },
    { selector: "node.endpoint", style: { "border-width": 3, "border-color": "#111827", width: 32, height: 32 } },
    { selector: "node.on-route", style: { "border-width": 3, "border-color": ROUTE_COLOR } },
    { selector: "edge.on-route", style: { "line-color": ROUTE_COLOR, "target-arrow-color": ROUTE_COLOR, color: ROUTE_COLOR, "z-index": 5 } },
    { selector: labelled, style: { label: "data(type)", "min-zoomed-font-size": 4 } },
    { selector: "node.hover", style: { "background-opacity": 1, "border-opacity": 1, "text-opacity": 1, "font-weight": "bold" } },
    { selector: "edge.hover, edge.near-selected, edge.near-hover", style: { opacity: 1, "z-index": 8 } },
    {
      selector: "node:selected",
      style: { "border-width": 4, "border-color": SELECTED_COLOR, "font-weight": "bold", "background-opacity": 1, "text-opacity": 1 },
    },
    {
      selector: "edge:selected",
      style: {
        "line-color": SELECTED_COLOR,
        "target-arrow-color": SELECTED_COLOR,
        color: SELECTED_COLOR,
        opacity: 1,
        "underlay-color": SELECTED_COLOR,
        "underlay-opacity": 0.18,
        "underlay-padding": 5,
        "z-index": 10,
      },
    },
  ] as cytoscape.StylesheetJson;
}
