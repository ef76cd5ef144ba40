// actorgraph schema: constraints and indexes. Idempotent (IF NOT EXISTS); applied by
// `npm run db:seed`, `npm start` and the test setup. One statement per `;`.

// Entities and sources are keyed by a stable string id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);

// Full-text over names, aliases and their Latin spellings (lists of strings are indexed element
// by element; latinNames from src/model/name-keys.ts: `wuerth` and `wurth` for Würth,
// `kalashnikov` for Калашников). standard-no-stop-words keeps words such as "the" and "a"
// searchable in names. It replaces entity_names, which lacked latinNames (an index's properties
// cannot be changed, so the old one is dropped).
DROP INDEX entity_names IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases, n.latinNames]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};

// Identifiers (INN, OGRN, LEI, registration and tax numbers, IMO, …) found by search on an
// exact match: identifierKeys hold each normalised (identifierKey, src/model/name-keys.ts), and
// the keyword analyzer keeps each whole, one term per identifier.
CREATE FULLTEXT INDEX entity_identifiers IF NOT EXISTS FOR (n:Entity) ON EACH [n.identifierKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};

// Customs parties named by an alias (大疆创新 for DJI): the nameKey of each alias of an entity,
// `aliasKeys` (src/model/name-keys.ts aliasKeysOf), one keyword term each, for an exact match
// (src/import/party-resolver.ts, import-resolve-parties-by-alias.cypher).
CREATE FULLTEXT INDEX entity_alias_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.aliasKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};

// Older ids of canonical entities (OpenSanctions referents; import-merge-referents.cypher).
CREATE CONSTRAINT referent_id IF NOT EXISTS FOR (r:Referent) REQUIRE r.id IS UNIQUE;

// Relationship ids are unique per allow-listed type (src/model/vocabulary.ts; a unit test
// checks that every type has its constraint here).
CREATE CONSTRAINT rel_supplied_id IF NOT EXISTS FOR ()-[r:SUPPLIED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_deployed_to_id IF NOT EXISTS FOR ()-[r:DEPLOYED_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_financed_id IF NOT EXISTS FOR ()-[r:FINANCED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_paid_id IF NOT EXISTS FOR ()-[r:PAID]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_produces_id IF NOT EXISTS FOR ()-[r:PRODUCES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_based_in_id IF NOT EXISTS FOR ()-[r:BASED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_buys_id IF NOT EXISTS FOR ()-[r:BUYS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_may_contain_id IF NOT EXISTS FOR ()-[r:MAY_CONTAIN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_subject_to_id IF NOT EXISTS FOR ()-[r:SUBJECT_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_may_violate_id IF NOT EXISTS FOR ()-[r:MAY_VIOLATE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_threatened_action_against_id IF NOT EXISTS FOR ()-[r:THREATENED_ACTION_AGAINST]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_leads_id IF NOT EXISTS FOR ()-[r:LEADS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_governs_id IF NOT EXISTS FOR ()-[r:GOVERNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_party_to_id IF NOT EXISTS FOR ()-[r:PARTY_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_participated_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_signed_id IF NOT EXISTS FOR ()-[r:SIGNED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_adopted_at_id IF NOT EXISTS FOR ()-[r:ADOPTED_AT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_proposed_id IF NOT EXISTS FOR ()-[r:PROPOSED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_commented_on_id IF NOT EXISTS FOR ()-[r:COMMENTED_ON]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_concerns_id IF NOT EXISTS FOR ()-[r:CONCERNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_reported_on_id IF NOT EXISTS FOR ()-[r:REPORTED_ON]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_related_to_id IF NOT EXISTS FOR ()-[r:RELATED_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_owns_id IF NOT EXISTS FOR ()-[r:OWNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_directs_id IF NOT EXISTS FOR ()-[r:DIRECTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_represents_id IF NOT EXISTS FOR ()-[r:REPRESENTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_family_of_id IF NOT EXISTS FOR ()-[r:FAMILY_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_associate_of_id IF NOT EXISTS FOR ()-[r:ASSOCIATE_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_controls_id IF NOT EXISTS FOR ()-[r:CONTROLS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_succeeded_by_id IF NOT EXISTS FOR ()-[r:SUCCEEDED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_employed_by_id IF NOT EXISTS FOR ()-[r:EMPLOYED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_owes_id IF NOT EXISTS FOR ()-[r:OWES]-() REQUIRE r.id IS UNIQUE;

// The strongest claim of each flow type, read in index order by expand-paths-flow.cypher: no
// FLOW route of L hops beats that confidence to the power L, which bounds how long a route that
// can still rank may be (a unit test checks that every flow type has its index here).
CREATE RANGE INDEX rel_supplied_confidence IF NOT EXISTS FOR ()-[r:SUPPLIED]-() ON (r.confidence);
CREATE RANGE INDEX rel_deployed_to_confidence IF NOT EXISTS FOR ()-[r:DEPLOYED_TO]-() ON (r.confidence);
CREATE RANGE INDEX rel_financed_confidence IF NOT EXISTS FOR ()-[r:FINANCED]-() ON (r.confidence);
CREATE RANGE INDEX rel_paid_confidence IF NOT EXISTS FOR ()-[r:PAID]-() ON (r.confidence);

// Imports: exact-name lookups that link customs parties to entities already in the graph
// (src/import/party-resolver.ts).
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
// The same by each name's key (nameKey, src/model/name-keys.ts), so `Wuerth GmbH` links to `Würth GmbH`.
CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey);

// Writes through the API (src/services/*-write, claim and source services).
// A source's text is stored once: addSource with the same text returns the same Source.
CREATE CONSTRAINT source_text_sha256 IF NOT EXISTS FOR (s:Source) REQUIRE s.textSha256 IS UNIQUE;
// history(id): every revision of an entity, claim or source, found by the id it records.
CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (v:Revision) REQUIRE v.id IS UNIQUE;
CREATE INDEX revision_target IF NOT EXISTS FOR (v:Revision) ON (v.targetId);
// Idempotency keys: one per (caller, key); swept after their lifetime by expiresAt.
CREATE CONSTRAINT idempotency_key IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE k.key IS UNIQUE;
CREATE INDEX idempotency_expires IF NOT EXISTS FOR (k:IdempotencyKey) ON (k.expiresAt);
// Entity resolution (src/resolution, docs/resolution.md): judgements are JUDGED relationships
// between :Identity nodes, one per judged record id, apart from the :Entity records they judge;
// each :Identity holds its cluster's canonical id. One :ResolutionLock node serialises changes.
CREATE CONSTRAINT identity_id IF NOT EXISTS FOR (i:Identity) REQUIRE i.id IS UNIQUE;
CREATE INDEX identity_canonical IF NOT EXISTS FOR (i:Identity) ON (i.canonicalId);
CREATE CONSTRAINT resolution_lock_id IF NOT EXISTS FOR (l:ResolutionLock) REQUIRE l.id IS UNIQUE;
