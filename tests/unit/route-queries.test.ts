import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandBallsQueries, expandExposureQuery, expandHopsQueries, expandPathsQuery, findShortestQuery } from "../../scripts/expand-hops-text.mjs";
import {
  CONTEXT_RELATIONSHIP_TYPES,
  FLOW_RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
  ROUTE_RELATIONSHIP_TYPES,
  ROUTE_ROLES,
} from "../../src/model/vocabulary.js";
import { PROJECT_ROOT } from "../../src/paths.js";

const file = (name: string) => readFileSync(join(PROJECT_ROOT, "cypher", "queries", `${name}.cypher`), "utf8");
const vocabulary = { flow: FLOW_RELATIONSHIP_TYPES, route: ROUTE_RELATIONSHIP_TYPES, context: CONTEXT_RELATIONSHIP_TYPES };

describe("the route engine's generated queries", () => {
  it("match scripts/expand-hops-text.mjs run on the current vocabulary (rerun it after changing relationship types)", () => {
    const hops = expandHopsQueries(vocabulary);
    const balls = expandBallsQueries(vocabulary);
    expect(file("expand-hops-directed")).toBe(hops.directed);
    expect(file("expand-hops-any")).toBe(hops.any);
    expect(file("expand-balls-flow")).toBe(balls.flow);
    expect(file("expand-balls-route")).toBe(balls.route);
    expect(file("expand-paths-flow")).toBe(expandPathsQuery(vocabulary));
    expect(file("expand-exposure-route")).toBe(expandExposureQuery(vocabulary));
    expect(file("find-shortest-any")).toBe(findShortestQuery(vocabulary));
  });

  it("read dense entities through the literal lists of flow, route and context types", () => {
    const any = file("expand-hops-any");
    expect(any).toContain(`[r:${ROUTE_RELATIONSHIP_TYPES.join("|")}]-(b:Entity)`);
    expect(any).toContain(`[r:${CONTEXT_RELATIONSHIP_TYPES.join("|")}]-(b)`);
    expect(file("expand-hops-directed")).toContain(`(a)-[r:${FLOW_RELATIONSHIP_TYPES.join("|")}]->(b:Entity)`);
  });

  it("lists the context types in entity-context.cypher", () => {
    expect(file("entity-context")).toContain(`-[:${CONTEXT_RELATIONSHIP_TYPES.join("|")}]->`);
  });
});

describe("ROUTE_ROLES", () => {
  it("gives every relationship type a role and a reason, flow exactly for the flow types", () => {
    for (const type of RELATIONSHIP_TYPE_NAMES) {
      expect(ROUTE_ROLES[type].why.length).toBeGreaterThan(20);
      expect(ROUTE_ROLES[type].role === "flow").toBe(RELATIONSHIP_TYPES[type].flow);
    }
  });

  it("makes BASED_IN and LOCATED_IN context, keeps SUPPLIED a flow and REPORTED_ON provenance", () => {
    expect(CONTEXT_RELATIONSHIP_TYPES).toEqual(["BASED_IN", "LOCATED_IN"]);
    expect(ROUTE_RELATIONSHIP_TYPES).toContain("SUPPLIED");
    expect(ROUTE_RELATIONSHIP_TYPES).not.toContain("REPORTED_ON");
    expect(ROUTE_RELATIONSHIP_TYPES).not.toContain("BASED_IN");
  });
});
