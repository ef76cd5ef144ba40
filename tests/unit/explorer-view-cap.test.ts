import { describe, expect, it } from "vitest";
import { capSubgraph, VIEW_LIMITS, type ShownView } from "../../src/web/explorer/view-cap.js";
import type { Entity, Relationship, Subgraph } from "../../src/web/explorer/types.js";

const entity = (id: string): Entity => ({
  id,
  name: id,
  kind: "Company",
  aliases: [],
  description: null,
  country: null,
  unidentified: false,
  topics: [],
  mergedIds: [],
});
const rel = (id: string, from: string, to: string, confidence: number): Relationship => ({
  id,
  type: "SUPPLIED",
  status: "REPORTED",
  confidence,
  validFrom: null,
  validTo: null,
  hedge: null,
  note: null,
  amount: null,
  currency: null,
  goods: [],
  from: { id: from },
  to: { id: to },
  evidence: [],
  version: 1,
  retracted: false,
  retraction: null,
  disputed: false,
  warnings: [],
});
const view = (nodes: string[], edges: string[] = []): ShownView => ({
  hasNode: (id) => nodes.includes(id),
  hasEdge: (key) => edges.includes(key),
  nodes: nodes.length,
  edges: edges.length,
});
/** Russia's neighbourhood: five new neighbours, linked to it with confidences 0.2 … 0.9. */
const around: Subgraph = {
  nodes: ["ru", "a", "b", "c", "d", "e"].map(entity),
  edges: [
    rel("1", "a", "ru", 0.2),
    rel("2", "ru", "b", 0.9),
    rel("3", "c", "ru", 0.5),
    rel("4", "d", "ru", 0.7),
    rel("5", "e", "ru", 0.3),
    rel("6", "b", "d", 0.4),
  ],
  truncated: false,
};

describe("capSubgraph", () => {
  it("adds everything new when the view has room, and nothing already shown", () => {
    const { subgraph, left } = capSubgraph(around, view(["ru"], ["SUPPLIED:1"]));
    expect(subgraph.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(subgraph.edges.map((r) => r.id)).toEqual(["2", "3", "4", "5", "6"]);
    expect(left).toEqual({ nodes: 0, edges: 0 });
  });

  it("keeps the new entities most strongly linked to the view when the entity limit is near", () => {
    const { subgraph, left } = capSubgraph(around, view(["ru", "x"]), { nodes: 5, edges: 100 });
    expect(subgraph.nodes.map((n) => n.id)).toEqual(["b", "c", "d"]); // the three strongest (0.9, 0.7, 0.5), in the API's order
    expect(subgraph.edges.map((r) => r.id)).toEqual(["2", "3", "4", "6"]);
    expect(left).toEqual({ nodes: 2, edges: 2 });
  });

  it("keeps the most confident new relationships when the relationship limit is near", () => {
    const { subgraph, left } = capSubgraph(around, view(["ru"], ["k1", "k2"]), { nodes: 100, edges: 5 });
    expect(subgraph.nodes).toHaveLength(5);
    expect(subgraph.edges.map((r) => r.id)).toEqual(["2", "3", "4"]);
    expect(left).toEqual({ nodes: 0, edges: 3 });
  });

  it("adds nothing to a full view", () => {
    const { subgraph, left } = capSubgraph(around, view(["ru", "x"], []), { nodes: 2, edges: 10 });
    expect(subgraph.nodes).toEqual([]);
    expect(subgraph.edges).toEqual([]);
    expect(left).toEqual({ nodes: 5, edges: 6 });
  });

  it("holds a few hundred entities at most", () => {
    expect(VIEW_LIMITS.nodes).toBeGreaterThanOrEqual(100);
    expect(VIEW_LIMITS.nodes).toBeLessThanOrEqual(500);
  });
});
