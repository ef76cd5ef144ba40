// The text of cypher/queries/expand-hops-*.cypher and expand-balls-*.cypher, generated from the relationship-type allow-list
// (src/model/vocabulary.ts) because the query needs one branch per type and direction: Neo4j reads
// a dense node's relationships of one type through that type's relationship group only when the
// type is a literal in the pattern; `type(r) IN $types` or a dynamic `$any($types)` walks every
// relationship of the node (measured on 5.26.30: 74 ms and 102 ms on a country with 255 490
// BASED_IN relationships, against 1.3 ms for a literal type). Likewise the typed degree of a
// node is read from the degree store only with literal types.
//
//   npm run build && node scripts/expand-hops-text.mjs    # rewrites the file
//
// tests/unit/expand-hops-query.test.ts checks that the committed file equals this output.

/** @typedef {{ list: string, pattern: (t: string) => string }} Direction */

/** @type {Direction} */
const OUT = { list: "$out", pattern: (t) => `(a)-[r${t}]->(b:Entity)` };
/** @type {Direction} */
const IN = { list: "$in", pattern: (t) => `(a)<-[r${t}]-(b:Entity)` };
/** @type {Direction} */
const BOTH = { list: "$both", pattern: (t) => `(a)-[r${t}]-(b:Entity)` };

/**
 * The two expansion queries: `expand-hops-directed` (FLOW routes: $out and $in) and
 * `expand-hops-any` (direction ANY: $both, with context relationships walkable at `via`).
 * @param {{ flow: readonly string[], route: readonly string[], context: readonly string[] }} v
 *   the flow types, the default route types (flow and connection) and the context types.
 * @returns {{ directed: string, any: string }}
 */
export function expandHopsQueries(v) {
  /** @param {readonly string[]} list */
  const union = (list) => `:${list.join("|")}`;
  const FLOW = union(v.flow);
  const ROUTE = union(v.route);
  const CONTEXT = union(v.context);
  /** @param {Direction} d @param {boolean} viaContext */
  const typed = (d, viaContext) => `    WITH a WHERE $typeSet = 'flow'
    MATCH ${d.pattern(FLOW)}
    WHERE type(r) IN $types
    RETURN r, b
    UNION ALL
    WITH a WHERE $typeSet = 'route'
    MATCH ${d.pattern(ROUTE)}
    WHERE type(r) IN $types
    RETURN r, b
    UNION ALL
    WITH a WHERE $typeSet = 'all'
    MATCH ${d.pattern("")}
    WHERE type(r) IN $types${viaContext ? " OR (type(r) IN $viaTypes AND (a.id IN $via OR b.id IN $via))" : ""}
    RETURN r, b`;
  /** @param {Direction} d */
  const viaBranches = (d) => `
    UNION ALL
    WITH a WHERE $typeSet <> 'all' AND $viaWalk AND a.id IN $via
    MATCH ${d.pattern(CONTEXT)}
    WHERE type(r) IN $viaTypes
    RETURN r, b
    UNION ALL
    // Elsewhere a context type is walkable only into an entity of $via: matched into the named
    // entities, so the chain of a node's context relationships is never read for it.
    WITH a WHERE $typeSet <> 'all' AND $viaWalk AND NOT a.id IN $via
    UNWIND $via AS viaId
    MATCH (b:Entity {id: viaId})
    WITH a, b
    MATCH ${d.pattern(CONTEXT).replace("(b:Entity)", "(b)")}
    WHERE type(r) IN $viaTypes
    RETURN r, b`;
  /** @param {Direction} d @param {boolean} viaContext */
  const branch = (d, viaContext) => `  UNWIND ${d.list} AS item
  MATCH (a:Entity {id: item.id})
  WHERE item.force OR COUNT { (a)--() } <= $cap
  CALL (a) {
${typed(d, viaContext)}${viaContext ? viaBranches(d) : ""}
  }
  RETURN a.id AS node, a, r, b`;
  /**
   * The degree columns: for FLOW (directed) the relationships leaving the entity (what walking
   * through it reads: the hub measure) and those entering it (what expanding it backwards reads);
   * for ANY both are all its relationships, plus its context ones when it is in $via.
   * @param {boolean} directed @param {boolean} viaContext
   */
  const degree = (directed, viaContext) => {
    /** @param {string} arrowIn @param {string} arrowOut */
    const count = (arrowIn, arrowOut) => `CASE WHEN x IS NULL THEN null
            WHEN $typeSet = 'flow' THEN COUNT { (x)${arrowIn}[${FLOW}]${arrowOut}() }
            WHEN $typeSet = 'route' THEN COUNT { (x)${arrowIn}[${ROUTE}]${arrowOut}() }
            ELSE COUNT { (x)${arrowIn}${arrowOut}() } END`;
    if (directed)
      return `       ${count("-", "->")} AS degree,
       ${count("<-", "-")} AS inDegree,`;
    const context = viaContext
      ? `\n         + CASE WHEN x IS NOT NULL AND $typeSet <> 'all' AND $viaWalk AND x.id IN $via THEN COUNT { (x)-[${CONTEXT}]-() } ELSE 0 END`
      : "";
    return `       ${count("-", "-")}${context} AS degree,
       ${count("-", "-")}${context} AS inDegree,`;
  };
  /** @param {string} head @param {Direction[]} branches @param {boolean} viaContext */
  const query = (head, branches, viaContext) => `${head}
// Items of the lists are {id, force}; without force, an entity with more than $cap
// relationships in all is left unexpanded (perhaps a hub: its check row gives its degree).
// $typeSet names the literal type list the walk reads, so that Neo4j reads a dense node's
// relationships through those types' groups only: 'flow' or 'route' when $types is within that
// list, else 'all'. With a parameter (type(r) IN $types alone, or $any($types)) it walks every
// relationship of the node: 74 ms and 102 ms on a country with 255 490 BASED_IN relationships
// (Neo4j 5.26.30), against 1.3 ms for literal types.
// degree, inDegree: ${viaContext ? "the relationships of the $typeSet list touching the entity, either direction (plus its\n// context relationships when it is in $via)" : "the relationships of the $typeSet list leaving the entity (the hub measure:\n// what a route walking through it reads) and entering it (what expanding it backwards reads)"};
// any status or date, from the degree store.
// Rows: the expanded entity (node), the relationship, the neighbour (other) with its degree
// and whether it carries one of $topics; a check row (for $check) has a null id, and gives
// the entity's degree and its relationships in all (total).
// Parameters keep one type whatever the request (lists never empty, $asOf always a date with
// $dated saying whether it applies, $viaWalk saying whether $viaTypes apply), because Neo4j
// plans a query again for every new combination of parameter types (300–400 ms each here).
// GENERATED by scripts/expand-hops-text.mjs from src/model/vocabulary.ts; do not edit by hand.
CYPHER replan=skip
CALL () {
  UNWIND $check AS id
  OPTIONAL MATCH (a:Entity {id: id})
  RETURN id AS node, a, null AS r, null AS b
  UNION ALL
${branches.map((d) => branch(d, viaContext)).join("\n  UNION ALL\n")}
}
WITH node, a, r, b
WHERE r IS NULL OR (startNode(r) <> endNode(r)
  AND r.status IN $statuses
  AND r.confidence >= $minConfidence
  AND NOT b.id IN $avoid
  AND (NOT $dated OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf))))
WITH node, r, b, coalesce(b, a) AS x
LIMIT $limit
RETURN node,
       r.id AS id, type(r) AS type, startNode(r).id AS start, endNode(r).id AS end,
       r.confidence AS confidence, r.status AS status, r.validFrom AS validFrom,
       CASE WHEN b IS NULL THEN null ELSE b.id END AS other,
       x IS NOT NULL AS exists,
       CASE WHEN r IS NULL AND x IS NOT NULL THEN COUNT { (x)--() } END AS total,
${degree(branches.length > 1, viaContext)}
       x IS NOT NULL AND any(t IN coalesce(x.topics, []) WHERE t IN $topics) AS target
`;
  return {
    directed: query(
      `// One round trip of a FLOW route search (src/routes/fetch-hops.ts): the relationships of the
// walked types leaving the entities of $out and entering those of $in, filtered as routes filter
// hops, plus the existence and degree of the ids in $check.`,
      [OUT, IN],
      false,
    ),
    any: query(
      `// One round trip of a route search with direction ANY, or of exposure and neighbourhoods
// (src/routes/fetch-hops.ts): the relationships of the walked types around the entities of $both,
// either way, filtered as routes filter hops, plus the existence and degree of the ids in $check.
// Context types ($viaTypes) are walked where they touch an entity of $via.`,
      [BOTH],
      true,
    ),
  };
}

/**
 * The fast first round trip of a route search between two entities that are not hubs
 * (`expand-balls-flow`: FLOW routes over the flow types; `expand-balls-route`: direction ANY over
 * the flow and connection types): two breadth-first levels from each end, then the paths of at
 * most $middle hops joining the two second levels, all in Neo4j, so that a search of up to six
 * hops usually needs no other round trip before its evidence. Each level runs only when its cost
 * (the degrees of the entities it expands) is within $levelBudget.
 * @param {{ flow: readonly string[], route: readonly string[] }} v
 * @returns {{ flow: string, route: string }}
 */
export function expandBallsQueries(v) {
  /** @param {string} name @param {readonly string[]} list @param {boolean} directed */
  const make = (name, list, directed) => {
    const L = `:${list.join("|")}`;
    /** @param {string} a @param {string} r @param {string} b */
    const fwd = (a, r, b) => (directed ? `(${a})-[${r}${L}]->(${b}:Entity)` : `(${a})-[${r}${L}]-(${b}:Entity)`);
    /** @param {string} a @param {string} r @param {string} b */
    const bwd = (a, r, b) => (directed ? `(${a})<-[${r}${L}]-(${b}:Entity)` : `(${a})-[${r}${L}]-(${b}:Entity)`);
    /** Relationships leaving x (for ANY: touching it): the hub measure. @param {string} x */
    const deg = (x) => (directed ? `COUNT { (${x})-[${L}]->() }` : `COUNT { (${x})-[${L}]-() }`);
    /** Relationships entering x (for ANY: touching it): what expanding it backwards reads. @param {string} x */
    const inDeg = (x) => (directed ? `COUNT { (${x})<-[${L}]-() }` : `COUNT { (${x})-[${L}]-() }`);
    /** @param {string} r @param {string} b */
    const ok = (r, b) => `type(${r}) IN $types AND ${r}.status IN $statuses AND ${r}.confidence >= $minConfidence
      AND (NOT $dated OR ((${r}.validFrom IS NULL OR ${r}.validFrom <= $asOf) AND (${r}.validTo IS NULL OR ${r}.validTo >= $asOf)))
      AND NOT ${b}.id IN $avoid AND startNode(${r}) <> endNode(${r})`;
    /** @param {string} r @param {string} b */
    const row = (r, b) =>
      `{id: ${r}.id, type: type(${r}), start: startNode(${r}).id, end: endNode(${r}).id, confidence: ${r}.confidence, status: ${r}.status, validFrom: ${r}.validFrom, other: ${b}.id, degree: ${deg(b)}, inDegree: ${inDeg(b)}}`;
    /** @param {string} name @param {typeof fwd} side @param {string} out @param {string} frontier @param {string} go */
    const level = (name, side, out, frontier, go) => `CALL (s, t, ${frontier}, ${go}) {
  WITH s, t, ${frontier} WHERE ${go}
  UNWIND ${frontier} AS a
  MATCH ${side("a", "r", "b")}
  WHERE ${ok("r", "b")}
  RETURN collect(${row("r", "b")}) AS ${out}, collect(DISTINCT b) AS ${name}
}`;
    // The paths of 1 to `gap` hops (at most 3) from the forward frontier into the backward one,
    // through entities that are not hubs, at most $pathBudget of them, as one row of steps each.
    /** @param {string} x */
    const hub = (x) => `${deg(x)} <= $cap`;
    /** @param {string} r @param {string} b */
    const step = (r, b) =>
      `{id: ${r}.id, type: type(${r}), start: startNode(${r}).id, end: endNode(${r}).id, confidence: ${r}.confidence, status: ${r}.status, validFrom: ${r}.validFrom, other: ${b}.id, degree: 0, inDegree: 0}`;
    /** @param {number} k */
    const pathsOf = (k) => {
      const nodes = ["u", ...Array.from({ length: k - 1 }, (_, i) => `m${i + 1}`), "w"];
      const hops = nodes.slice(1).map((b, i) => ({ a: nodes[i], r: `r${i + 1}`, b }));
      const pattern = hops.map((h, i) => (i === 0 ? fwd(h.a, h.r, h.b) : fwd("", h.r, h.b).slice(2))).join("");
      const inner = hops.slice(0, -1).map((h) => `${h.b} <> s AND ${hub(h.b)}`);
      // Past three hops nothing joined is complete anyway: join within two, for routes to offer.
      return `    WITH s, u, bFront WHERE gap >= ${k}${k === 3 ? " AND gap <= 3" : ""}
    MATCH ${pattern}
    WHERE w IN bFront AND ${[...hops.map((h) => ok(h.r, h.b)), ...inner].join("\n      AND ")}
    RETURN [${hops.map((h) => step(h.r, h.b)).join(", ")}] AS steps`;
    };
    const middle = () => `CALL (s, fFront, bFront, goMid, gap) {
  WITH s, fFront, bFront WHERE goMid
  UNWIND fFront AS u
  CALL (s, u, bFront, gap) {
${[1, 2, 3].map(pathsOf).join("\n    UNION ALL\n")}
  }
  WITH steps LIMIT $pathBudget
  RETURN count(*) AS paths, reduce(acc = [], x IN collect(steps) | acc + x) AS mid
}`;
    /** The entities of `list` a forward level may expand (not hubs), and what that reads. @param {string} list @param {string} out @param {string} sum */
    const cost = (list, out, sum) => `CALL (${list}) {
  UNWIND ${list} AS x
  WITH x, ${deg("x")} AS d
  WHERE d <= $cap
  RETURN collect(x) AS ${out}, sum(d) AS ${sum}
}`;
    /**
     * The entities of `list` a backward level may expand (not hubs, and at most $cap entering
     * relationships), what that reads, and how many it must leave unexpanded for their entering
     * relationships alone (then not every route is in the answer).
     * @param {string} list @param {string} out @param {string} sum @param {string} skipped
     */
    const backCost = (list, out, sum, skipped) => `CALL (${list}) {
  UNWIND ${list} AS x
  WITH x, ${deg("x")} AS d, ${inDeg("x")} AS i
  WHERE d <= $cap
  RETURN [y IN collect(CASE WHEN i <= $cap THEN x END) WHERE y IS NOT NULL] AS ${out}, sum(CASE WHEN i <= $cap THEN i ELSE 0 END) AS ${sum}, sum(CASE WHEN i > $cap THEN 1 ELSE 0 END) AS ${skipped}
}`;
    return `// ${name === "flow" ? "FLOW routes over the flow types" : "Routes with direction ANY over the flow and connection types"}: the fast first round trip of a route
// search between $from and $to (src/routes/route-search.ts). No row when either is missing or has
// more than $cap relationships of these types (a hub): the caller then runs the general engine.
// missing: the ids of $avoid that name no entity.
// Rows of each level: {id, type, start, end, confidence, status, validFrom, other, degree,
// inDegree}: other is the entity reached, degree its relationships of these types that a route
// walking through it reads (FLOW: leaving it; ANY: all), inDegree those entering it (ANY: all).
// f1/f2: the levels leaving $from ($fLevels of them, 1 or 2); b1/b2: entering $to ($bLevels, 0–2);
// mid: the relationships of the paths that join the two frontiers within the hops left of
// $maxHops (at most 3: beyond, the answer is not complete), through entities that are not hubs, found in Neo4j
// so that only they travel. A second level runs only when the degrees of the entities it expands
// add up to at most $levelBudget (the joining paths likewise, and at most $pathBudget of them);
// done says which ran, and complete whether every relationship of every route within $maxHops
// is in the answer. Hubs met on the way are not expanded.
// Parameters keep one type whatever the request (see expand-hops-directed.cypher).
// GENERATED by scripts/expand-hops-text.mjs from src/model/vocabulary.ts; do not edit by hand.
CYPHER replan=skip
MATCH (s:Entity {id: $from}), (t:Entity {id: $to})
WITH s, t, ${deg("s")} AS fromDegree, ${deg("t")} AS toDegree, ${inDeg("t")} AS toInDegree
WHERE fromDegree <= $cap AND toInDegree <= $cap
WITH s, t, fromDegree, toDegree, toInDegree, [s] AS f0, [t] AS b0, true AS go1, $bLevels >= 1 AS goB1,
     [id IN $avoid WHERE id <> '' AND NOT EXISTS { MATCH (:Entity {id: id}) }] AS missing
${level("n1", fwd, "f1", "f0", "go1")}
${level("m1", bwd, "b1", "b0", "goB1")}
WITH s, t, fromDegree, toDegree, toInDegree, missing, f1, b1, n1, m1, [x IN n1 WHERE x <> t] AS fr1, [x IN m1 WHERE x <> s] AS br1
${cost("fr1", "fe1", "fCost")}
${backCost("br1", "be1", "bCost", "bSkipped")}
WITH s, t, fromDegree, toDegree, toInDegree, missing, f1, b1, n1, m1, fe1, be1, fCost, bSkipped,
     $fLevels >= 2 AND fCost <= $levelBudget AS goF2, $bLevels >= 2 AND bCost <= $levelBudget AS goB2
${level("n2", fwd, "f2", "fe1", "goF2")}
${level("m2", bwd, "b2", "be1", "goB2")}
WITH s, t, fromDegree, toDegree, toInDegree, missing, f1, b1, f2, b2, goF2, goB2, fe1, fCost, m1, bSkipped,
     [x IN n2 WHERE NOT x IN n1 AND x <> s AND x <> t] AS fr2,
     [x IN m2 WHERE NOT x IN m1 AND x <> s AND x <> t] AS br2
${cost("fr2", "fe2", "f2Cost")}
WITH s, t, fromDegree, toDegree, toInDegree, missing, f1, b1, f2, b2, goF2, goB2, bSkipped,
     CASE WHEN goF2 THEN fe2 ELSE fe1 END AS fFront,
     CASE WHEN goF2 THEN f2Cost ELSE fCost END AS frontCost,
     CASE WHEN goB2 THEN br2 WHEN $bLevels >= 1 THEN [x IN m1 WHERE x <> s] ELSE [t] END AS bFront,
     $maxHops - CASE WHEN goF2 THEN 2 ELSE 1 END - CASE WHEN goB2 THEN 2 WHEN $bLevels >= 1 THEN 1 ELSE 0 END AS gap
WITH s, t, fromDegree, toDegree, toInDegree, missing, f1, b1, f2, b2, goF2, goB2, bSkipped, fFront, bFront, gap,
     gap >= 1 AND frontCost <= $levelBudget AS goMid
${middle()}
RETURN fromDegree, toDegree, toInDegree, missing, f1, b1, f2, b2, mid,
       {f2: goF2, b2: goB2, skipped: CASE WHEN goB2 THEN bSkipped ELSE 0 END,
        complete: (gap <= 0 OR (goMid AND gap <= 3 AND paths < $pathBudget)) AND NOT (goB2 AND bSkipped > 0)} AS done
`;
  };
  return { flow: make("flow", v.flow, true), route: make("route", v.route, false) };
}

/**
 * `expand-paths-flow`: the first round trip of a FLOW search between two entities over the flow
 * types (src/routes/route-search.ts): every path of at most $maxHops hops from $from to $to that
 * can rank, enumerated in Neo4j, the hop filters ($inline: also while expanding), avoided
 * entities and hubs checked on the paths found. Three things make it cheaper than the naive
 * peer's single variable-length expansion (VarLengthExpand(Into) over every path from $from):
 * 1. Meet in the middle: paths of up to six hops are joined from a forward expansion of
 *    6 − k hops and a backward one of k hops (k ≤ 3), grouped on the entity where they meet, when
 *    the level sizes (path counts of two levels forward, carried on, and of up to three
 *    backward, counted, each read only while the level before is within $splitBudget, a fifth of
 *    it for the third: past that a split at 3 reads more than it saves) say that
 *    costs less than the forward expansion alone ($splitFactor weighs the join).
 * 2. A bound on length: no route of L hops beats strongest^L, strongest being the highest
 *    confidence of any flow relationship (read from the rel_*_confidence indexes in index order).
 *    Paths over six hops are enumerated only up to the length whose bound still reaches the
 *    $keepRoutes-th best route of at most six hops.
 * 3. A literal hop bound per branch (Cypher takes none as a parameter).
 * At most $pathBudget paths per stage; beyond it, or the transaction's time, the caller runs the
 * general engine. The evidence of the likely top routes comes in the same round trip.
 * @param {{ flow: readonly string[] }} v
 */
export function expandPathsQuery(v) {
  const L = `:${v.flow.join("|")}`;
  /** @param {string} r */
  const ok = (r) => `${r}.status IN $statuses AND ${r}.confidence >= $minConfidence
      AND (NOT $dated OR ((${r}.validFrom IS NULL OR ${r}.validFrom <= $asOf) AND (${r}.validTo IS NULL OR ${r}.validTo >= $asOf)))`;
  /** Neo4j's own enumeration of the paths from s to t of lo..hi hops, bare or checking the filters as it expands, in the branch where `cond` holds. */
  const into = (cond, lo, hi, lengthCap) => [
    `      WITH s, t WHERE ${cond} AND NOT $inline
      MATCH p = (s)-[${L}*${lo}..${hi}]->(t)${
        lengthCap
          ? `
      WHERE length(p) <= ${lengthCap}`
          : ""
      }
      RETURN relationships(p) AS rs`,
    `      WITH s, t WHERE ${cond} AND $inline
      MATCH p = (s)-[rs${L}*${lo}..${hi}]->(t)
      WHERE ${lengthCap ? `length(p) <= ${lengthCap} AND ` : ""}all(r IN rs WHERE type(r) IN $types AND startNode(r) <> t AND endNode(r) <> s AND ${ok("r")})
      RETURN rs`,
  ];
  /** The paths of one stage (rows rs), checked: filters, avoided entities, hubs; at most $pathBudget. */
  const checked = (n) => `    WITH rs, [r IN rs[0..-1] | endNode(r)] AS inner
    WHERE none(r IN rs WHERE NOT (type(r) IN $types AND ${ok("r")})) AND none(n IN inner WHERE n.id IN $avoid)
    WITH rs, inner, [n IN inner WHERE COUNT { (n)-->() } > $cap AND COUNT { (n)-[${L}]->() } > $cap AND NOT n.id IN $named] AS hubs
    LIMIT $pathBudget
    RETURN count(*) AS paths${n}, collect(CASE WHEN size(hubs) = 0 THEN {rs: rs, inner: inner} END) AS found${n}, collect(DISTINCT hubs) AS blocked${n}`;
  const shallow = [
    ...into("k = 0 AND d1 <= 3", 1, 3, "d1"),
    ...into("k = 0 AND d1 > 3", 1, 6, "d1"),
    `      WITH s, t WHERE k > 0
      CALL (s, t, k, d1) {
${[0, 1, 2, 3, 4, 5]
  .map(
    (f) => `        WITH s WHERE d1 - k = ${f}
        MATCH pf = (s)-[${L}*0..${f}]->(m)
        RETURN m, true AS forward, relationships(pf) AS part`,
  )
  .concat(
    [1, 2, 3].map(
      (b) => `        WITH t WHERE k = ${b}
        MATCH pb = (m)-[${L}*0..${b}]->(t)
        RETURN m, false AS forward, relationships(pb) AS part`,
    ),
  )
  .join("\n        UNION ALL\n")}
      }
      WITH k, d1, m, collect(CASE WHEN forward THEN part END) AS pre, collect(CASE WHEN NOT forward THEN part END) AS suf
      WHERE size(pre) > 0 AND size(suf) > 0
      UNWIND pre AS a
      UNWIND suf AS b
      WITH a, b WHERE (size(b) = 0 OR size(a) = d1 - k) AND size(a) + size(b) >= 1
      RETURN a + b AS rs`,
  ];
  const deep = [7, 8, 9, 10].flatMap((h) => into(`reach = ${h}`, 7, h, null));
  /** Path count of level 2 from an end, read only while level 1 is within $splitBudget. */
  const level2 = (dir) =>
    `CASE WHEN NOT $inline AND ${dir}1 <= $splitBudget THEN COUNT { ${dir === "f" ? `(s)-[${L}]->()-[${L}]->()` : `()-[${L}]->()-[${L}]->(t)`} } END AS ${dir}2`;
  /** Paths of level j (1-based) from an end with level sizes x1 and x2, the growth of level 2 carried on. */
  const grown = (x, j) => `toFloat(${x}1) * (CASE WHEN ${x}1 > 0 THEN toFloat(${x}2) / ${x}1 ELSE 1.0 END) ^ (${j} - 1)`;
  /**
   * Paths read by a stage 1 split at k backward hops (k = 0: the forward expansion alone): the
   * forward levels carried on from the first two, the backward ones as counted (b1..b3), since
   * the side a split reads must not be guessed low (a target two hops past an entity with
   * 100 000 suppliers was split at 3 when b3 was carried on from b2: 250-700 ms against 5-8 ms).
   */
  const cost = (k) =>
    `(reduce(c = 0.0, j IN range(1, d1 - ${k}) | c + ${grown("f", "j")}) + reduce(c = 0.0, j IN range(1, ${k}) | c + toFloat([b1, b2, b3][j - 1])))
    * (CASE WHEN ${k} = 0 THEN 1.0 ELSE $splitFactor END)`;
  return `// FLOW routes between $from and $to over the flow types (src/routes/route-search.ts): every path
// of at most $maxHops hops that can rank, enumerated in Neo4j (scripts/expand-hops-text.mjs says how:
// meet in the middle up to six hops, a bound on length from the strongest flow relationship past
// six). The filters are checked on the paths found: a path is kept when every relationship passes
// them and no entity on it but the ends is in $avoid or has more than $cap relationships leaving it
// (a hub, unless named in $named), at most $pathBudget paths per stage. No row when either end is
// missing. Rows: {id, type, start, end, confidence, status, validFrom, other} of each relationship
// of the kept paths, once; with $trim, only of the simple entity sequences whose best path's
// confidence product is at least the $keepRoutes-th best one's (ties kept: the exact top routes,
// one more to tell whether there are more, and nothing a top route needs, since a route's
// confidence is its best path's product); paths: how many paths were read; hubs: {id, degree} of
// the hubs that blocked a path; evidence: the relationships of the $evidenceRoutes best entity
// sequences (by their best path's confidence product, then fewest hops), as
// relationships-by-ids.cypher returns them: the likely top routes' evidence, in the same round trip.
// Parameters keep one type whatever the request (see expand-hops-directed.cypher).
// GENERATED by scripts/expand-hops-text.mjs from src/model/vocabulary.ts; do not edit by hand.
CYPHER replan=skip
MATCH (s:Entity {id: $from}), (t:Entity {id: $to})
// The strongest flow relationship (index order, rel_*_confidence in cypher/schema.cypher).
CALL () {
  CALL () {
${v.flow
  .map(
    (type) => `    MATCH ()-[r:${type}]->() WHERE r.confidence IS NOT NULL
    RETURN r.confidence AS c ORDER BY c DESC LIMIT 1`,
  )
  .join("\n    UNION ALL\n")}
  }
  RETURN max(c) AS strongest
}
// Level sizes: paths of one and two hops leaving s (f1, f2), of one to three entering t (b1..b3); null when not read.
WITH s, t, strongest, CASE WHEN $maxHops < 6 THEN $maxHops ELSE 6 END AS d1,
  COUNT { (s)-[${L}]->() } AS f1, COUNT { (t)<-[${L}]-() } AS b1
WITH *, ${level2("f")}, ${level2("b")}
WITH *, CASE WHEN NOT $inline AND b2 <= $splitBudget / 5 THEN COUNT { ()-[${L}]->()-[${L}]->()-[${L}]->(t) } END AS b3
// The split: k backward hops (0: no split), the fewest paths read by the level sizes carried on,
// or $split when it is 0..3 (tests force each). Searches that check the filters while expanding do not split.
WITH *, [k IN range(0, 3) WHERE k = 0 OR (k <= d1 AND f2 IS NOT NULL AND [b1, b2, b3][k - 1] IS NOT NULL) | [${cost("k")}, k]] AS options
WITH *, CASE WHEN $inline THEN 0 WHEN $split >= 0 THEN CASE WHEN $split < d1 THEN $split ELSE d1 END
  ELSE reduce(best = options[0], o IN options | CASE WHEN o[0] < best[0] THEN o ELSE best END)[1] END AS k
// Stage 1: paths of at most d1 hops.
CALL (s, t, k, d1) {
  CALL (s, t, k, d1) {
${shallow.join("\n      UNION ALL\n")}
  }
${checked(1)}
}
// The $keepRoutes-th best simple entity sequence of stage 1 bounds the length of any route that can rank.
CALL (s, t, found1) {
  UNWIND found1 AS f
  WITH f WHERE NOT s IN f.inner AND NOT t IN f.inner AND all(i IN range(0, size(f.inner) - 2) WHERE NOT f.inner[i] IN f.inner[i + 1..])
  WITH f.inner AS inner, max(reduce(c = 1.0, r IN f.rs | c * r.confidence)) AS best
  ORDER BY best DESC
  RETURN collect(best) AS bests
}
WITH *, CASE WHEN $maxHops <= d1 THEN d1
  WHEN NOT $trim OR size(bests) < $keepRoutes OR strongest IS NULL OR strongest >= 1.0 OR bests[$keepRoutes - 1] <= 0.0 THEN $maxHops
  WHEN strongest <= 0.0 THEN d1
  ELSE CASE WHEN toInteger(floor(log(bests[$keepRoutes - 1] * (1.0 - 1.0e-9)) / log(strongest))) < $maxHops
    THEN toInteger(floor(log(bests[$keepRoutes - 1] * (1.0 - 1.0e-9)) / log(strongest))) ELSE $maxHops END END AS reach
// Stage 2: paths of 7..reach hops, when routes that long can still rank.
CALL (s, t, reach) {
  CALL (s, t, reach) {
${deep.join("\n      UNION ALL\n")}
  }
${checked(2)}
}
WITH s, t, paths1 + paths2 AS paths, found1 + found2 AS found, blocked1 + blocked2 AS blocked
CALL (blocked) {
  UNWIND blocked AS hs
  UNWIND hs AS h
  WITH DISTINCT h
  RETURN collect({id: h.id, degree: COUNT { (h)-[${L}]->() }}) AS hubs
}
CALL (s, t, found) {
  UNWIND found AS f
  WITH f WHERE NOT $trim OR (NOT s IN f.inner AND NOT t IN f.inner
    AND all(i IN range(0, size(f.inner) - 2) WHERE NOT f.inner[i] IN f.inner[i + 1..]))
  WITH f.inner AS inner, max(reduce(c = 1.0, r IN f.rs | c * r.confidence)) AS best, collect(f.rs) AS group
  ORDER BY best DESC
  WITH collect({best: best, group: group}) AS ranked
  WITH ranked, CASE WHEN $trim AND size(ranked) > $keepRoutes THEN ranked[$keepRoutes - 1].best ELSE -1.0 END AS floor
  UNWIND ranked AS g
  WITH g WHERE g.best >= floor
  UNWIND g.group AS rs
  UNWIND rs AS r
  WITH DISTINCT r
  RETURN collect(r) AS kept
}
CALL (found) {
  UNWIND found AS f
  WITH f.inner AS inner, max(reduce(c = 1.0, r IN f.rs | c * r.confidence)) AS best, collect(f.rs) AS group
  ORDER BY best DESC, size(inner) ASC
  LIMIT $evidenceRoutes
  UNWIND group AS rs
  UNWIND rs AS r
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b
  RETURN collect({rel: r {.*, type: type(r), start: a.id, end: b.id}, startEntity: a {.*}, endEntity: b {.*},
    sources: COLLECT {
      MATCH (x:Source) WHERE x.id IN coalesce(r.evidenceSourceIds, [])
      RETURN x {.id, .title, .titleInferred, .publisher, .url, .publishedAt, .cites, .language}
    }}) AS evidence
}
RETURN paths, hubs, evidence, [r IN kept | {id: r.id, type: type(r), start: startNode(r).id, end: endNode(r).id, confidence: r.confidence,
  status: r.status, validFrom: r.validFrom, other: endNode(r).id, degree: 0, inDegree: 0}] AS rows
`;
}

/**
 * `expand-exposure-route`: exposure over the flow and connection types (direction ANY) within at
 * most 4 hops, enumerated by Neo4j's variable-length expansion.
 * @param {{ route: readonly string[] }} v
 */
export function expandExposureQuery(v) {
  const L = `:${v.route.join("|")}`;
  /** @param {string} x */
  const flagged = (x) => `any(t IN coalesce(${x}.topics, []) WHERE t IN $topics)`;
  return `// Exposure over the flow and connection types (direction ANY) within $maxHops ≤ 4 hops
// (src/routes/route-search.ts): every path from $from to an entity carrying one of $topics,
// found by Neo4j's variable-length expansion, kept when its relationships pass the hop filters
// and no entity on it but the ends carries a topic (a route ends at the first such entity), is
// avoided or has more than $cap relationships (a hub, unless named in $named); at most
// $pathBudget paths. Rows: the relationships of those paths, once; targets: their end entities.
// Parameters keep one type whatever the request (see expand-hops-directed.cypher).
// GENERATED by scripts/expand-hops-text.mjs from src/model/vocabulary.ts; do not edit by hand.
CYPHER replan=skip
MATCH (s:Entity {id: $from})
CALL (s) {
  MATCH p = (s)-[rs${L}*1..4]-(x:Entity)
  WHERE x <> s AND length(p) <= $maxHops AND ${flagged("x")} AND NOT x.id IN $avoid
    AND all(r IN rs WHERE type(r) IN $types AND r.status IN $statuses AND r.confidence >= $minConfidence AND startNode(r) <> endNode(r)
      AND (NOT $dated OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf))))
    AND all(n IN nodes(p)[1..-1] WHERE NOT n.id IN $avoid AND NOT ${flagged("n")} AND (n.id IN $named OR COUNT { (n)--() } <= $cap OR COUNT { (n)-[${L}]-() } <= $cap))
  WITH rs, x LIMIT $pathBudget
  RETURN count(*) AS paths, collect(rs) AS found, collect(DISTINCT x.id) AS targets
}
UNWIND (CASE WHEN size(found) = 0 THEN [[]] ELSE found END) AS rels
UNWIND (CASE WHEN size(rels) = 0 THEN [null] ELSE rels END) AS r
WITH paths, targets, collect(DISTINCT r) AS distinct
RETURN paths, targets, [r IN distinct | {id: r.id, type: type(r), start: startNode(r).id, end: endNode(r).id, confidence: r.confidence,
  status: r.status, validFrom: r.validFrom, other: endNode(r).id, degree: 0, inDegree: 0}] AS rows
`;
}

/**
 * `find-shortest-any`: the few shortest routes of a long ANY search, as seeds.
 * @param {{ route: readonly string[] }} v
 */
export function findShortestQuery(v) {
  const L = `:${v.route.join("|")}`;
  return `// Seeds for a long route search with direction ANY (src/routes/route-search.ts): the 5 paths of
// fewest hops (at most $maxHops) from $from to $to over the flow and connection types, found by
// Neo4j's bidirectional shortest-path search (SHORTEST k), through relationships that pass the
// hop filters and entities that are neither avoided nor hubs (more than $cap relationships of
// the walked types; the total degree, one read, settles most entities before the typed degree,
// a read per type: 3-6 times faster on the route bench's random ANY pairs, same paths).
// Their relationships are real routes, offered when the exact search cannot finish in time.
// Rows: {id, type, start, end, confidence, status, validFrom, other} of each relationship, once.
// Parameters keep one type whatever the request (see expand-hops-directed.cypher).
// GENERATED by scripts/expand-hops-text.mjs from src/model/vocabulary.ts; do not edit by hand.
CYPHER replan=skip
MATCH (s:Entity {id: $from}), (t:Entity {id: $to})
MATCH p = SHORTEST 5 (s)((a)-[r${L}]-(b:Entity)
  WHERE type(r) IN $types AND r.status IN $statuses AND r.confidence >= $minConfidence
    AND (NOT $dated OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
    AND NOT b.id IN $avoid AND (b = t OR COUNT { (b)--() } <= $cap OR COUNT { (b)-[${L}]-() } <= $cap)){1,10}(t)
WHERE length(p) <= $maxHops
UNWIND relationships(p) AS rel
WITH DISTINCT rel
RETURN rel.id AS id, type(rel) AS type, startNode(rel).id AS start, endNode(rel).id AS end, rel.confidence AS confidence,
       rel.status AS status, rel.validFrom AS validFrom, endNode(rel).id AS other
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import("node:fs");
  /** @type {typeof import("../src/model/vocabulary.js")} */
  const voc = await import("../dist/src/model/vocabulary.js");
  const v = { flow: voc.FLOW_RELATIONSHIP_TYPES, route: voc.ROUTE_RELATIONSHIP_TYPES, context: voc.CONTEXT_RELATIONSHIP_TYPES };
  const { directed, any } = expandHopsQueries(v);
  const balls = expandBallsQueries(v);
  const files = {
    "expand-hops-directed": directed,
    "expand-hops-any": any,
    "expand-balls-flow": balls.flow,
    "expand-balls-route": balls.route,
    "expand-paths-flow": expandPathsQuery(v),
    "expand-exposure-route": expandExposureQuery(v),
    "find-shortest-any": findShortestQuery(v),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(new URL(`../cypher/queries/${name}.cypher`, import.meta.url), text);
  process.stdout.write(
    `wrote ${Object.keys(files)
      .map((f) => `cypher/queries/${f}.cypher`)
      .join(", ")}\n`,
  );
}
