// import:delete, last step: the import revisions of the namespace's datasets (ids `<namespace>:…`),
// one per import, so nothing of the deleted datasets is left behind. Revisions of claims written
// through the API are never deleted.
MATCH (v:Revision)
WHERE v.targetId STARTS WITH $prefix AND v.operation = 'import'
DELETE v
