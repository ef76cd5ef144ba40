// Claims an idempotency key for one write. The key's uniqueness constraint makes a concurrent
// retry wait for the first transaction: if that commits, the retry finds the key with its
// target (a replay, nothing written again); if it rolls back, the retry claims the key itself.
// Expired keys (older than $ttlHours) are swept first, at most 100 per write.
CALL {
  MATCH (old:IdempotencyKey) WHERE old.expiresAt < datetime()
  WITH old LIMIT 100
  DELETE old
}
// This key itself, when expired, is gone before the MERGE whether or not the sweep reached it, so
// a retry after the lifetime is a new request, as documented.
CALL {
  MATCH (stale:IdempotencyKey {key: $key}) WHERE stale.expiresAt < datetime()
  DELETE stale
}
MERGE (k:IdempotencyKey {key: $key})
ON CREATE SET k.createdAt = datetime(), k.expiresAt = datetime() + duration({hours: $ttlHours}),
              k.actor = $actor, k.operation = $operation, k.fingerprint = $fingerprint
RETURN k.targetId AS targetId, k.targetKind AS targetKind, k.operation AS operation, k.fingerprint AS fingerprint
