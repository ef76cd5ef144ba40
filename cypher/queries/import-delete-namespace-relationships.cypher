// `actorgraph import:delete <ns>`, step 1 of 4 (src/services/import.service.ts, deleteNamespace):
// the relationships with ids "<ns>:…" ($prefix), claims between shared (seed) entities
// included, which step 2's DETACH DELETE of the namespace's entities would not reach.
//
// A script: one statement per allow-listed type (src/model/vocabulary.ts; an integration test
// checks that each has one), run one after another, each in its own auto-commit transaction
// (Database.autoCommit) that deletes $batchSize relationships per inner transaction.
// Each statement seeks its type's id constraint index by prefix, so the work grows with the
// namespace, not with the graph: no scan of every relationship. Every relationship the importer
// writes with an id has an allow-listed type (claims and FtM mappings refuse others; :PROVIDED
// links carry no id), so this finds every "<ns>:…" id a scan would.
// Not one statement with a UNION of the types, nor one with the types' MATCHes one after
// another: for either Neo4j plans an Eager that collects every match before the first delete
// (memory grows with the namespace), while a lone MATCH is deleted as it streams.
MATCH ()-[r:SUPPLIED]->() USING INDEX SEEK r:SUPPLIED(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:DEPLOYED_TO]->() USING INDEX SEEK r:DEPLOYED_TO(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:FINANCED]->() USING INDEX SEEK r:FINANCED(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:PAID]->() USING INDEX SEEK r:PAID(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:PRODUCES]->() USING INDEX SEEK r:PRODUCES(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:PART_OF]->() USING INDEX SEEK r:PART_OF(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:BASED_IN]->() USING INDEX SEEK r:BASED_IN(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:LOCATED_IN]->() USING INDEX SEEK r:LOCATED_IN(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:BUYS]->() USING INDEX SEEK r:BUYS(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:MAY_CONTAIN]->() USING INDEX SEEK r:MAY_CONTAIN(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:SUBJECT_TO]->() USING INDEX SEEK r:SUBJECT_TO(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:MAY_VIOLATE]->() USING INDEX SEEK r:MAY_VIOLATE(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:THREATENED_ACTION_AGAINST]->() USING INDEX SEEK r:THREATENED_ACTION_AGAINST(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:LEADS]->() USING INDEX SEEK r:LEADS(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:GOVERNS]->() USING INDEX SEEK r:GOVERNS(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:SUPPORTS]->() USING INDEX SEEK r:SUPPORTS(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:PARTY_TO]->() USING INDEX SEEK r:PARTY_TO(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:PARTICIPATED_IN]->() USING INDEX SEEK r:PARTICIPATED_IN(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:SIGNED]->() USING INDEX SEEK r:SIGNED(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:ADOPTED_AT]->() USING INDEX SEEK r:ADOPTED_AT(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:PROPOSED]->() USING INDEX SEEK r:PROPOSED(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:COMMENTED_ON]->() USING INDEX SEEK r:COMMENTED_ON(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:CONCERNS]->() USING INDEX SEEK r:CONCERNS(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:REPORTED_ON]->() USING INDEX SEEK r:REPORTED_ON(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:RELATED_TO]->() USING INDEX SEEK r:RELATED_TO(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:OWNS]->() USING INDEX SEEK r:OWNS(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:DIRECTS]->() USING INDEX SEEK r:DIRECTS(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:MEMBER_OF]->() USING INDEX SEEK r:MEMBER_OF(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:REPRESENTS]->() USING INDEX SEEK r:REPRESENTS(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:FAMILY_OF]->() USING INDEX SEEK r:FAMILY_OF(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:ASSOCIATE_OF]->() USING INDEX SEEK r:ASSOCIATE_OF(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;;
MATCH ()-[r:CONTROLS]->() USING INDEX SEEK r:CONTROLS(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:SUCCEEDED_BY]->() USING INDEX SEEK r:SUCCEEDED_BY(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:EMPLOYED_BY]->() USING INDEX SEEK r:EMPLOYED_BY(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS;
MATCH ()-[r:OWES]->() USING INDEX SEEK r:OWES(id) WHERE r.id STARTS WITH $prefix
CALL (r) { DELETE r } IN TRANSACTIONS OF $batchSize ROWS
