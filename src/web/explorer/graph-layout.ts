import type cytoscape from "cytoscape";
import type { GraphLabels } from "./graph-labels";

/** Highest zoom a fit may choose (users may zoom in further, to 2.5): a graph of two or three nodes would fill the canvas otherwise. */
const FIT_ZOOM_CAP = 1.3;

/** Margin around the graph when it is fitted, in screen pixels. */
const FIT_PADDING = 30;

/** Larger views are laid out without animation, which would stutter. */
export const ANIMATE_MAX_NODES = 120;

/**
 * The explorer's layout: dagre, left to right along the flow, fitted to the canvas; `animate`
 * eases nodes to their new places. Ranks are spaced by node and label size, so wrapped names
 * of stacked nodes do not overlap.
 */
export function flowLayout(animate: boolean): cytoscape.LayoutOptions {
  return {
    name: "dagre",
    rankDir: "LR",
    nodeSep: 22,
    rankSep: 56,
    edgeSep: 12,
    padding: FIT_PADDING,
    nodeDimensionsIncludeLabels: true,
    fit: true,
    animate,
    animationDuration: 300,
  } as cytoscape.LayoutOptions;
}

/**
 * Fits the whole graph in the canvas, at most at {@link FIT_ZOOM_CAP}. Labels are resized to
 * the new zoom first (they hold their screen size when zoomed out), then fitted again, since
 * larger labels widen the graph; busy views get their quiet edges.
 */
export function fitView(cy: cytoscape.Core, labels: GraphLabels): void {
  cy.fit(undefined, FIT_PADDING);
  if (labels.rescale()) cy.fit(undefined, FIT_PADDING);
  if (cy.zoom() > FIT_ZOOM_CAP) {
    cy.zoom(FIT_ZOOM_CAP);
    cy.center();
  }
  labels.refreshQuiet();
}
