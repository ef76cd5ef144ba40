// Records what a write changed under its idempotency key, in the write's own transaction.
MATCH (k:IdempotencyKey {key: $key})
SET k.targetId = $targetId, k.targetKind = $targetKind
RETURN k.key AS key
