import { FTM_ID } from "../../src/import/ftm-ids.js";
import { findSchema } from "../../src/import/ftm-model.js";

/**
 * What FtM 4 (the model of src/import/ftm-model.ts) would refuse or drop in one FtM JSONL entity:
 * an unknown or abstract schema, an id that is no FtM id, a property the schema lacks or a
 * reverse one, a value that is no string, a reference that is no FtM id. Empty when it loads
 * whole. The unit tests' stand-in for the Python library, which the integration tests run
 * (tests/integration/ftm-python.int.test.ts).
 */
export function ftmProblems(entity: { id?: unknown; schema?: unknown; properties?: unknown }): string[] {
  const problems: string[] = [];
  const schema = typeof entity.schema === "string" ? findSchema(entity.schema) : undefined;
  if (!schema || schema.abstract) return [`schema ${String(entity.schema)} is no concrete FtM schema`];
  if (typeof entity.id !== "string" || !FTM_ID.test(entity.id)) problems.push(`id ${String(entity.id)} is no FtM id`);
  for (const [name, values] of Object.entries((entity.properties ?? {}) as Record<string, unknown>)) {
    const property = schema.getProperty(name);
    if (!property || property.stub) problems.push(`${schema.name} has no property ${name}`);
    else if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) problems.push(`${name}: not a list of strings`);
    else if (property.type === "entity") for (const v of values as string[]) if (!FTM_ID.test(v)) problems.push(`${name}: ${v} is no FtM id`);
  }
  return problems;
}
