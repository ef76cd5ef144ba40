/**
 * Splits a Cypher script (such as `cypher/schema.cypher`) into statements at `;`, ignoring
 * semicolons inside string literals, backtick names and comments.
 *
 * Written here because no maintained npm package splits Cypher scripts (cypher-shell does
 * this in Java); the grammar needed is only Cypher's quoting and comment rules.
 *
 * @returns trimmed, non-empty statements without their trailing `;`, comments removed.
 * @throws Error when a string, backtick name or block comment is left open.
 */
export function splitCypherStatements(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < script.length) {
    const ch = script[i]!;
    const next = script[i + 1];
    if (ch === "/" && next === "/") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? script.length : end;
      continue;
    }
    if (ch === "/" && next === "*") {
      const end = script.indexOf("*/", i + 2);
      if (end === -1) throw new Error("Unterminated block comment in Cypher script");
      i = end + 2;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") {
      const end = closingQuote(script, i);
      current += script.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
      i += 1;
      continue;
    }
    current += ch;
    i += 1;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/** Index of the quote closing the literal opened at `start`; backslash escapes in strings. */
function closingQuote(script: string, start: number): number {
  const quote = script[start];
  for (let i = start + 1; i < script.length; i += 1) {
    const ch = script[i];
    if (ch === "\\" && quote !== "`") {
      i += 1;
      continue;
    }
    if (ch === quote) {
      if (quote === "`" && script[i + 1] === "`") {
        i += 1;
        continue;
      }
      return i;
    }
  }
  throw new Error(`Unterminated ${quote} literal in Cypher script`);
}
