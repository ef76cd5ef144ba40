/**
 * A lone UTF-16 surrogate: half a character, which a JSON `\uD83D` or GraphQL `"\uD83D"` escape
 * can send. With the `u` flag a well-formed surrogate pair never matches. Bolt carries strings as
 * UTF-8, where the Neo4j driver turns a lone surrogate into U+FFFD, so a string holding one
 * would be stored other than it was sent; the API and the importer refuse it instead.
 */
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
