import modelData from "./ftm-model.json" with { type: "json" };

/**
 * The FollowTheMoney model: schemata, properties, property types, country names and topics, from
 * src/import/ftm-model.json, which scripts/ftm-model.sh generates from the `followthemoney/schema/*.yaml`
 * files of the pinned PyPI package (scripts/ftm-requirements.txt; {@link FTM_VERSION}). Why our own
 * reader rather than `@alephdata/followthemoney`: that npm package stopped at FtM 3.8.4 and refused
 * valid FtM 4 entities (`abbreviation`, `Risk`); the Python package is FtM's reference, and its
 * model file is all this needs (lookups and inheritance, a few dozen lines).
 */

/** The FtM version the model file was generated from (PyPI `followthemoney`, for example 4.11.2). */
export const FTM_VERSION: string = modelData.ftmVersion;

/** One property as the model file has it. */
interface PropertyData {
  readonly label: string;
  readonly type: string;
  readonly range?: string;
  readonly stub?: boolean;
  readonly deprecated?: boolean;
}

interface SchemaData {
  readonly label: string;
  readonly abstract: boolean;
  readonly extends: readonly string[];
  readonly schemata: readonly string[];
  readonly caption: readonly string[];
  readonly edge: { readonly source: string; readonly target: string } | null;
  readonly temporalStart: readonly string[];
  readonly temporalEnd: readonly string[];
  readonly properties: Readonly<Record<string, PropertyData>>;
}

const SCHEMATA = modelData.schemata as unknown as Readonly<Record<string, SchemaData>>;
const COUNTRIES = modelData.countries as Readonly<Record<string, string>>;
const TOPICS = modelData.topics as Readonly<Record<string, string>>;

/** A property of a schema: its name, FtM type name (`name`, `entity`, `country`, `identifier`, …) and, for `entity`, the schema it points to. */
export interface FtmProperty {
  readonly name: string;
  readonly label: string;
  /** FtM property type name (followthemoney/types). */
  readonly type: string;
  /** For entity properties: the schema the value must be (`Payment.payer` → LegalEntity). */
  readonly range: string | null;
  /** True for a reverse property (`ownershipOwner`): FtM derives it and refuses it as input. */
  readonly stub: boolean;
}

/** One FtM schema with its inherited properties resolved. */
export class FtmSchema {
  readonly label: string;
  readonly abstract: boolean;
  /** Properties whose first value names an entity without a `name` (FtM's caption rule, proxy.caption). */
  readonly caption: readonly string[];
  /** Source and target properties of a link schema (Ownership: owner → asset), else null. */
  readonly edge: { readonly source: string; readonly target: string } | null;
  /** Properties holding the start (end) of the entity's time span, in order of preference. */
  readonly temporalStart: readonly string[];
  readonly temporalEnd: readonly string[];
  private readonly ancestors: ReadonlySet<string>;
  private properties?: Map<string, FtmProperty>;

  constructor(
    readonly name: string,
    private readonly data: SchemaData,
  ) {
    this.label = data.label;
    this.abstract = data.abstract;
    this.caption = data.caption;
    this.edge = data.edge;
    this.temporalStart = data.temporalStart;
    this.temporalEnd = data.temporalEnd;
    this.ancestors = new Set(data.schemata);
  }

  /** True when this schema is `name` or extends it, directly or not (Company isA LegalEntity, and in FtM 4 isA Asset). */
  isA(name: string): boolean {
    return this.ancestors.has(name);
  }

  /** Every property, own and inherited: own first, then each parent's (FtM's resolution order). */
  getProperties(): ReadonlyMap<string, FtmProperty> {
    if (!this.properties) {
      const props = new Map<string, FtmProperty>();
      for (const [name, p] of Object.entries(this.data.properties)) {
        props.set(name, { name, label: p.label, type: p.type, range: p.range ?? null, stub: p.stub === true });
      }
      for (const parent of this.data.extends) {
        for (const [name, p] of findSchema(parent)!.getProperties()) if (!props.has(name)) props.set(name, p);
      }
      this.properties = props;
    }
    return this.properties;
  }

  hasProperty(name: string): boolean {
    return this.getProperties().has(name);
  }

  /** The property `name`, or undefined when the schema has none. */
  getProperty(name: string): FtmProperty | undefined {
    return this.getProperties().get(name);
  }
}

const cache = new Map<string, FtmSchema>();

/** The schema named `name`, or undefined when the model has none (an unknown schema in a file is a rejected record, not a crash). */
export function findSchema(name: string): FtmSchema | undefined {
  if (!Object.prototype.hasOwnProperty.call(SCHEMATA, name)) return undefined;
  let schema = cache.get(name);
  if (!schema) cache.set(name, (schema = new FtmSchema(name, SCHEMATA[name]!)));
  return schema;
}

/** Every schema name of the model, sorted. */
export function schemaNames(): string[] {
  return Object.keys(SCHEMATA);
}

/** The English name of an ISO 3166-1 alpha-2 code (or FtM's own codes such as `suhh`), lower case, or undefined. */
export function countryName(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(COUNTRIES, code) ? COUNTRIES[code] : undefined;
}

/** True for a topic FtM knows (`sanction`, `role.pep`, …); FtM drops any other. */
export function isTopic(value: string): boolean {
  return Object.prototype.hasOwnProperty.call(TOPICS, value);
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
