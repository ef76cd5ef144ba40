// OpenSanctions `referents` links that touch $ids: each entity's own `referents` (older ids of
// it) that are described entities, and, for an entity whose id is a referent (:Referent,
// import-merge-referents.cypher), its canonical entity when described. Stubs (placeholder) are
// left out: the import already merged them into the canonical entity. Either import order
// meets here (src/resolution/auto-resolve.ts).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  UNWIND coalesce(n.referents, []) AS older
  MATCH (x:Entity {id: older})
  WHERE x <> n AND coalesce(x.placeholder, false) = false
  RETURN n.id AS canonical, x.id AS older, n.kind AS canonicalKind, x.kind AS olderKind
  UNION
  MATCH (r:Referent {id: n.id})
  MATCH (c:Entity {id: r.canonicalId})
  WHERE c <> n AND coalesce(c.placeholder, false) = false
  RETURN c.id AS canonical, n.id AS older, c.kind AS canonicalKind, n.kind AS olderKind
}
RETURN canonical, older, canonicalKind, olderKind
