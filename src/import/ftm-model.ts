import { createRequire } from "node:module";

// The package ships a UMD build as `main` and an ES5 module build whose default export differs;
// requiring the UMD build gives one shape under Node and under Vite (tests) alike.
const ftm = createRequire(import.meta.url)("@alephdata/followthemoney") as typeof import("@alephdata/followthemoney");

/**
 * The FollowTheMoney model (schemata, properties, property types, country names) from the
 * `@alephdata/followthemoney` package, the one Aleph's UI uses, rather than a hand-written copy.
 */
export const ftmModel = new ftm.Model(ftm.defaultModel);

export type FtmSchema = ReturnType<typeof ftmModel.getSchema>;

/**
 * The schema named `name`, or undefined when the model has none (the package throws for unknown
 * names; an unknown schema in a file is a rejected record, not a crash).
 */
export function findSchema(name: string): FtmSchema | undefined {
  return Object.prototype.hasOwnProperty.call(ftmModel.schemata, name) ? ftmModel.getSchema(name) : undefined;
}

/**
 * True when two records with one id may describe the same entity: equal schemata, or one
 * extends the other (a LegalEntity fragment and a Company fragment), as FtM's own merge allows.
 */
export function compatibleSchemata(a: string, b: string): boolean {
  if (a === b) return true;
  const sa = findSchema(a);
  const sb = findSchema(b);
  return !!sa && !!sb && (sa.isA(b) || sb.isA(a));
}

/**
 * True when schema `a` is more specific than `b`: it extends `b` and is not `b` (`Company` extends
 * `LegalEntity`). FtM's merge (`model.common_schema`) keeps the more specific of two compatible
 * schemata, and so does an import restating an entity.
 */
export function extendsSchema(a: string, b: string): boolean {
  return a !== b && !!findSchema(a)?.isA(b);
}
