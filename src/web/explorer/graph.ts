import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";
import { GraphLabels } from "./graph-labels";
import { ANIMATE_MAX_NODES, fitView, flowLayout } from "./graph-layout";
import { edgeKey, type Entity, type Relationship, type Route, type Subgraph } from "./types";
import { capSubgraph } from "./view-cap";

cytoscape.use(dagre);

/**
 * Longest side of an exported PNG, in **pixels**. Chromium refuses canvases much past 16 384 px a
 * side or 268 M px in all and then yields an empty image, and an uncapped 372-entity view came to
 * 46 MB; 4096 px keeps a full view legible (labels are about 12 px at scale 1) in a few MB.
 */
export const PNG_MAX_SIDE = 4096;

/** Scale of an exported PNG when it fits within {@link PNG_MAX_SIDE}: twice the screen's resolution. */
const PNG_SCALE = 2;

/** What the graph reports to the page: a tapped edge or node, a double-tapped node, a change of contents. */
export interface GraphHandlers {
  onEdge(rel: Relationship): void;
  onNode(entity: Entity): void;
  onExpand(entity: Entity): void;
  /** After any change of the elements shown: counts for the status line, kinds present for the legend. */
  onChange(view: { nodes: number; edges: number; kinds: string[] }): void;
}

/** How many elements a merge added, and how many new ones the view's limits left out (view-cap.ts). */
export interface MergeResult {
  nodes: number;
  edges: number;
  left: { nodes: number; edges: number };
}

/**
 * The graph view: a Cytoscape.js canvas laid out left to right along the flow (dagre,
 * `rankDir: "LR"`). Nodes are keyed by entity id, edges by `TYPE:id` ({@link edgeKey}); the
 * entities and relationships behind them are kept here so the evidence panel shows the
 * API's data, not a copy in element data. The container's `data-layout` attribute is
 * `running` while a layout runs and `done` after it (tests wait on it). Labels stay legible
 * through {@link GraphLabels}; the view never holds more than `VIEW_LIMITS` elements.
 */
export class GraphView {
  /** The Cytoscape.js core; the page exposes it as `window.actorgraphExplorer.cy` for tests. */
  readonly cy: cytoscape.Core;
  private readonly entities = new Map<string, Entity>();
  private readonly relationships = new Map<string, Relationship>();
  private readonly labels: GraphLabels;
  /** The layout now running, stopped before another starts so two never move nodes at once. */
  private running: cytoscape.Layouts | null = null;
  private generation = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: GraphHandlers,
  ) {
    this.cy = cytoscape({ container, style: GraphLabels.initialStyle(), minZoom: 0.15, maxZoom: 2.5, boxSelectionEnabled: false, selectionType: "single" });
    this.labels = new GraphLabels(this.cy);
    this.container.dataset.layout = "done";
    this.cy.on("tap", "edge", (e) => {
      const rel = this.relationships.get((e.target as cytoscape.EdgeSingular).id());
      if (rel) handlers.onEdge(rel);
    });
    this.cy.on("tap", "node", (e) => {
      const entity = this.entities.get((e.target as cytoscape.NodeSingular).id());
      if (entity) handlers.onNode(entity);
    });
    this.cy.on("dbltap", "node", (e) => {
      const entity = this.entities.get((e.target as cytoscape.NodeSingular).id());
      if (entity) handlers.onExpand(entity);
    });
  }

  /**
   * Shows `subgraph` alone (a new route search), `endpoints` (from, to) drawn heavier, within the
   * view's limits like any expansion (a route search's subgraph fits them: at most 10 routes).
   */
  replace(subgraph: Subgraph, endpoints: string[]): void {
    this.generation += 1;
    this.cy.elements().remove();
    this.entities.clear();
    this.relationships.clear();
    this.add(capSubgraph(subgraph, { hasNode: () => false, hasEdge: () => false, nodes: 0, edges: 0 }).subgraph);
    for (const id of endpoints) this.cy.getElementById(id).addClass("endpoint");
    this.layout(false);
  }

  /**
   * Adds the elements of `subgraph` not already shown (an expansion), as many as the view's
   * limits allow (strongest links first, see view-cap.ts), and lays the graph out again. The
   * highlighted route keeps its colour but nothing stays faded: the new neighbours are what the
   * investigator asked to see.
   */
  merge(subgraph: Subgraph): MergeResult {
    const shown = {
      hasNode: (id: string) => this.entities.has(id),
      hasEdge: (key: string) => this.relationships.has(key),
      nodes: this.entities.size,
      edges: this.relationships.size,
    };
    const capped = capSubgraph(subgraph, shown);
    const added = this.add(capped.subgraph);
    this.cy.elements().removeClass("faded");
    if (added.nodes + added.edges > 0) this.layout(true);
    return { ...added, left: capped.left };
  }

  /** Number of entities in view. */
  get size(): number {
    return this.entities.size;
  }

  /**
   * Counts replacements of the whole view ({@link replace}, {@link clear}): an answer fetched for
   * an older view (an expansion that was running when a new search came back) must not be merged
   * into the new one.
   */
  get viewGeneration(): number {
    return this.generation;
  }

  /** Removes everything. */
  clear(): void {
    this.generation += 1;
    this.cy.elements().remove();
    this.entities.clear();
    this.relationships.clear();
    this.changed();
  }

  /** Highlights a route's nodes and hops and fades the rest; null removes the highlight. */
  highlightRoute(route: Route | null): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass("on-route faded");
      if (!route) return;
      const on = this.cy.collection();
      for (const hop of route.hops) {
        on.merge(this.cy.getElementById(hop.from.id))
          .merge(this.cy.getElementById(hop.to.id))
          .merge(this.cy.getElementById(edgeKey(hop.relationship)));
      }
      on.addClass("on-route");
      this.cy.elements().not(on).addClass("faded");
    });
  }

  /** Selects the edge with this key, as a tap on it would, and reports it to {@link GraphHandlers.onEdge}. */
  selectEdge(key: string): void {
    const edge = this.cy.getElementById(key);
    const rel = this.relationships.get(key);
    if (edge.empty() || !rel) return;
    this.cy.elements().unselect();
    edge.select();
    this.handlers.onEdge(rel);
  }

  /** The name of a shown entity, or its id when it is not shown. */
  name(id: string): string {
    return this.entities.get(id)?.name ?? id;
  }

  /** The ids of everything shown: entity ids and `TYPE:id` relationship keys, for the export. */
  elementIds(): { nodes: string[]; relationships: string[] } {
    return { nodes: this.cy.nodes().map((n) => n.id()), relationships: this.cy.edges().map((e) => e.id()) };
  }

  /**
   * The whole view as a PNG on white: twice the screen's resolution, scaled down so neither side
   * passes {@link PNG_MAX_SIDE} pixels. Cytoscape.js ignores `maxWidth`/`maxHeight` once `scale`
   * is given (and without `scale` it enlarges small graphs up to them), so the scale is computed
   * here from the graph's bounding box.
   * @throws Error when the browser draws no image (an empty or unreadable blob).
   */
  async png(): Promise<Blob> {
    const box = this.cy.elements().boundingBox();
    const scale = Math.min(PNG_SCALE, PNG_MAX_SIDE / Math.max(box.w, 1), PNG_MAX_SIDE / Math.max(box.h, 1));
    let blob: Blob;
    try {
      blob = await this.cy.png({ output: "blob-promise", full: true, scale, bg: "#FFFFFF" });
    } catch {
      throw new Error("the browser could not draw the picture");
    }
    if (blob.size === 0) throw new Error("the browser drew an empty picture");
    return blob;
  }

  /** Fits the whole graph in the canvas (graph-layout.ts). */
  fit(): void {
    fitView(this.cy, this.labels);
  }

  /**
   * Lays the graph out again left to right along the flow; `animate` eases nodes to their new
   * places (small views only). A layout still running (an animated one takes 300 ms) is stopped
   * first, so two never move the nodes at once; only the last one sets `data-layout="done"`.
   */
  layout(animate: boolean): void {
    const previous = this.running;
    this.running = null;
    previous?.stop();
    this.container.dataset.layout = "running";
    const layout = this.cy.layout(flowLayout(animate && this.entities.size <= ANIMATE_MAX_NODES));
    this.running = layout;
    layout.one("layoutstop", () => {
      if (this.running !== layout) return;
      this.running = null;
      this.fit();
      this.container.dataset.layout = "done";
    });
    layout.run();
  }

  private add(subgraph: Subgraph): { nodes: number; edges: number } {
    const elements: cytoscape.ElementDefinition[] = [];
    for (const n of subgraph.nodes) {
      if (this.entities.has(n.id)) continue;
      this.entities.set(n.id, n);
      elements.push({ group: "nodes", data: { id: n.id, label: n.name, kind: n.kind } });
    }
    let edges = 0;
    for (const r of subgraph.edges) {
      const key = edgeKey(r);
      // An edge needs both ends in the view; a subgraph from the API always carries them.
      if (this.relationships.has(key) || !this.entities.has(r.from.id) || !this.entities.has(r.to.id)) continue;
      this.relationships.set(key, r);
      elements.push({ group: "edges", data: { id: key, source: r.from.id, target: r.to.id, type: r.type, status: r.status, confidence: r.confidence } });
      edges += 1;
    }
    this.cy.add(elements);
    this.changed();
    return { nodes: elements.length - edges, edges };
  }

  private changed(): void {
    this.labels.refreshQuiet();
    const kinds = new Set([...this.entities.values()].map((e) => e.kind));
    this.handlers.onChange({ nodes: this.cy.nodes().length, edges: this.cy.edges().length, kinds: [...kinds] });
  }
}
