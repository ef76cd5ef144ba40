import type cytoscape from "cytoscape";
import { graphStylesheet, labelScale } from "./graph-stylesheet";

/**
 * A view with more edges than this is "busy": its edges get the `quiet` class, so only the
 * route's, the hovered and the selected edge carry a label until the user zooms in to
 * {@link QUIET_UNTIL_ZOOM}. Ten edges converging on a hub would otherwise bury it in labels.
 */
export const QUIET_EDGE_THRESHOLD = 14;

/** Zoom from which every edge of a busy view is labelled again. */
export const QUIET_UNTIL_ZOOM = 1.25;

/** Milliseconds after the last zoom step before labels are resized. */
const RESCALE_DELAY_MS = 60;

/** The node or edge an event on "node" or "edge" fired on (Cytoscape types `target` as any). */
const nodeOf = (e: cytoscape.EventObject) => e.target as cytoscape.NodeSingular;
const edgeOf = (e: cytoscape.EventObject) => e.target as cytoscape.EdgeSingular;

/**
 * Keeps the graph's labels legible: hover and selection classes (see graph-stylesheet.ts), the
 * `quiet` class on busy views, and label sizes that hold their screen size when the view is
 * zoomed out (down to `LABEL_ZOOM_FLOOR`), by applying the stylesheet for the new
 * {@link labelScale} once a zoom settles.
 */
export class GraphLabels {
  private current = 1;
  private timer: number | undefined;

  /** The stylesheet to create the Cytoscape.js core with (label scale 1). */
  static initialStyle(): cytoscape.StylesheetJson {
    return graphStylesheet(1);
  }

  constructor(private readonly cy: cytoscape.Core) {
    cy.on("mouseover", "edge", (e) => void edgeOf(e).addClass("hover"));
    cy.on("mouseout", "edge", (e) => void edgeOf(e).removeClass("hover"));
    // A hovered node stands out with its edges (at full opacity, labels stay as they are).
    cy.on("mouseover", "node", (e) => void nodeOf(e).addClass("hover").connectedEdges().addClass("near-hover"));
    cy.on("mouseout", "node", (e) => void nodeOf(e).removeClass("hover").connectedEdges().removeClass("near-hover"));
    // The selected node's edges stand out (not labelled: a hub's labels would pile up on it).
    cy.on("select", "node", (e) => void nodeOf(e).connectedEdges().addClass("near-selected"));
    cy.on("unselect", "node", (e) => void nodeOf(e).connectedEdges().removeClass("near-selected"));
    cy.on("zoom", () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => {
        this.refreshQuiet();
        this.rescale();
      }, RESCALE_DELAY_MS);
    });
  }

  /** Re-reads the zoom and resizes labels when their scale changed; true when it did. */
  rescale(): boolean {
    const next = Math.round(labelScale(this.cy.zoom()) * 20) / 20;
    if (next === this.current) return false;
    this.current = next;
    this.cy.style().fromJson(graphStylesheet(next)).update();
    return true;
  }

  /** Marks every edge `quiet` while the view is busy (more than {@link QUIET_EDGE_THRESHOLD} edges) and not zoomed in, none otherwise. */
  refreshQuiet(): void {
    const edges = this.cy.edges();
    edges.toggleClass("quiet", edges.length > QUIET_EDGE_THRESHOLD && this.cy.zoom() < QUIET_UNTIL_ZOOM);
  }
}
