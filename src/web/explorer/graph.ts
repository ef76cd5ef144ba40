import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";
import { GraphLabels } from "./graph-labels";
import { ANIMATE_MAX_NODES, fitView, flowLayout } from "./graph-layout";
import { edgeKey, type Entity, type Relationship, type Route, type Subgraph } from "./types";
import { capSubgraph } from "./view-cap";

cytoscape.use(dagre);


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

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: GraphHandlers,
  ) {
    this.cy = cytoscape({ container, style: GraphLabels.initialStyle(), minZoom: 0.15, maxZoom: 2.5, boxSelectionEnabled: false, selectionType: "single" });
    this.labels = new GraphLabels(this.cy);
    this.container.dataset.layout = "done";
    this.cy.on("tap", "edge", (e) => {
      const rel = this.relationships.get(e.target.id());
      if (rel) handlers.onEdge(rel);
    });
    this.cy.on("tap", "node", (e) => {
      const entity = this.entities.get(e.target.id());
      if (entity) handlers.onNode(entity);
    });
    this.cy.on("dbltap", "node", (e) => {
      const entity = this.entities.get(e.target.id());
      if (entity) handlers.onExpand(entity);
    });
  }

  /** Shows `subgraph` alone (a new route search), `endpoints` (from, to) drawn heavier. */
  replace(subgraph: Subgraph, endpoints: string[]): void {
    this.cy.elements().remove();
    this.entities.clear();
    this.relationships.clear();
    this.add(subgraph);
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

  /** Removes everything. */
  clear(): void {
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
        on.merge(this.cy.getElementById(hop.from.id)).merge(this.cy.getElementById(hop.to.id)).merge(this.cy.getElementById(edgeKey(hop.relationship)));
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

  /** The current view as a PNG (whole graph, twice the screen resolution, white background). */
  png(): Blob {
    return this.cy.png({ output: "blob", full: true, scale: 2, bg: "#FFFFFF" });
  }

  /** Fits the whole graph in the canvas (graph-layout.ts). */
  fit(): void {
    fitView(this.cy, this.labels);
  }

  /** Lays the graph out again left to right along the flow; `animate` eases nodes to their new places (small views only). */
  layout(animate: boolean): void {
    this.container.dataset.layout = "running";
    const layout = this.cy.layout(flowLayout(animate && this.entities.size <= ANIMATE_MAX_NODES));
    layout.one("layoutstop", () => {
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
