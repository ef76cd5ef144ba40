import { randomBytes } from "node:crypto";
import anyAscii from "any-ascii";
import neo4j from "neo4j-driver";
import type { AuthService } from "../auth/auth.service.js";
import type { Caller } from "../auth/roles.js";
import type { Database, Row } from "../db/run.js";
import { runIn } from "../db/run.js";
import { BadUserInputError } from "../errors.js";
import { aliasKeysOf, identifierKey, latinNamesOf, nameKey } from "../model/name-keys.js";
import { ENTITY_KINDS, type EntityKind } from "../model/vocabulary.js";
import type { EntityService } from "./entity.service.js";
import { runMutation } from "./mutation-runner.js";
import { toLucenePhrase, toLuceneQuery } from "./search.service.js";
import { toEntityView, type EntityView } from "./views.js";

/** addEntity's input. */
export interface EntityInput {
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases?: readonly string[] | null;
  /** ISO 3166-1 alpha-2 code. */
  readonly country?: string | null;
  readonly description?: string | null;
  /** `scheme:value` identifiers, for example `lei:5493001KJTIIGC8Y1R12`, `inn:7707083893`. */
  readonly identifiers?: readonly string[] | null;
}

/** What addEntity returns. */
export interface AddEntityResultView {
  readonly entity: EntityView;
  /** Other entities with the same normalised or transliterated name or alias, or a shared identifier. */
  readonly possibleDuplicates: readonly EntityView[];
}

/** Candidates fetched from the full-text indexes before the exact comparison. */
const CANDIDATES = 50;

/** Entities written through the API. */
export class EntityWriteService {
  constructor(
    private readonly db: Database,
    private readonly auth: AuthService,
    private readonly entities: EntityService,
    /** Automatic resolution of a new entity's strong identifiers (ResolutionService.autoResolve); none when absent. */
    private readonly resolution?: { autoResolve(ids: readonly string[]): Promise<unknown> },
  ) {}

  /**
   * Creates an entity (version 1) with a readable id (`slug of the name`, with a random suffix
   * when taken) and returns it with its possible duplicates, so an investigator does not create a
   * second "DJI": entities whose name or an alias equals one of the new entity's after
   * {@link nameKey} (case, accents, punctuation and script: "Da-Jiang Innovations", "大疆创新" and
   * "da jiang innovations" compare by their transliteration), or that share an identifier. The
   * entity is created all the same; merging is the resolution workflow's job.
   * @throws UnauthenticatedError, ForbiddenError; BadUserInputError for a bad name, kind, country or identifier.
   */
  async addEntity(caller: Caller | null, input: EntityInput, idempotencyKey?: string | null): Promise<AddEntityResultView> {
    const who = this.auth.require(caller, "editor", "add an entity");
    const clean = checkEntityInput(input);
    const result = await runMutation(this.db, {
      caller: who,
      operation: "addEntity",
      idempotencyKey,
      request: clean,
      change: async (tx) => {
        const base = slug(clean.name) || "entity";
        const taken = await runIn(tx, "entities-by-ids", { ids: [base] });
        const id = taken.length === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
        const now = new Date().toISOString();
        const props = { ...clean, ...nameProps(clean), id, unidentified: false, version: neo4j.int(1), createdAt: now, createdBy: who.subject };
        await runIn(tx, "create-entity", { props });
        return {
          targetKind: "entity",
          targetId: id,
          revisions: [{ targetKind: "entity", targetId: id, version: 1, reason: null, before: null, after: { ...props, version: 1 } }],
        };
      },
    });
    // An equal valid INN, OGRN, LEI, IMO or BIC makes it one entity with the holder (docs/resolution.md).
    if (clean.identifiers.length > 0 && !result.replayed) await this.resolution?.autoResolve([result.targetId]);
    const entity = await this.entities.getEntity(result.targetId);
    return { entity, possibleDuplicates: await this.possibleDuplicates(entity) };
  }

  /**
   * Entities other than `entity` with an equal {@link nameKey} of a name or alias (the key customs
   * parties are matched by, src/model/name-keys.ts), or a shared identifier (equal identifierKey of
   * its value); at most 20.
   */
  async possibleDuplicates(entity: EntityView): Promise<EntityView[]> {
    const names = [entity.name, ...entity.aliases];
    const keys = new Set(names.map(nameKey).filter((k): k is string => k !== null));
    const texts = [...new Set(names.flatMap((n) => [n, anyAscii(n)]))];
    const found = new Map<string, EntityView>();
    for (const row of await this.candidates(texts)) {
      const other = toEntityView(row.entity);
      if ([other.name, ...other.aliases].some((n) => keys.has(nameKey(n) ?? ""))) found.set(other.id, other);
    }
    const idKeys = identifierKeysOf(entity.identifiers.map((i) => `${i.scheme}:${i.value}`));
    if (idKeys.length > 0) {
      // identifierKeys hold letters and digits only, so quoting is all the escaping they need.
      const phrases = idKeys.map((k) => `"${k}"`).join(" OR ");
      for (const row of await this.db.read("search-identifiers", { lucene: phrases, limit: neo4j.int(CANDIDATES) })) {
        const other = toEntityView(row.entity);
        found.set(other.id, other);
      }
    }
    found.delete(entity.id);
    return [...found.values()].slice(0, 20);
  }

  /**
   * Full-text candidates for `texts`: one search query (search.service's, with prefix and fuzzy
   * terms) OR-ing them all. Lucene counts every term a prefix or fuzzy term expands to against
   * its limit of 1024 clauses (IndexSearcher.maxClauseCount), so a name with 50 aliases of 200
   * characters made Neo4j refuse the query (TooManyClauses), and addEntity answered
   * INTERNAL_SERVER_ERROR after the entity was stored. Then the texts are searched as phrases
   * only (one clause each, never expanded), {@link PHRASES_PER_QUERY} a query.
   */
  private async candidates(texts: readonly string[]): Promise<Row[]> {
    const limit = neo4j.int(CANDIDATES);
    const lucene = texts
      .map((t) => toLuceneQuery(t))
      .filter((q): q is string => q !== null)
      .map((q) => `(${q})`)
      .join(" OR ");
    if (!lucene) return [];
    try {
      return await this.db.read("search-entities", { lucene, limit });
    } catch (err) {
      if (!/TooManyClauses/.test(err instanceof Error ? err.message : "")) throw err;
    }
    const rows: Row[] = [];
    for (let i = 0; i < texts.length; i += PHRASES_PER_QUERY) {
      rows.push(
        ...(await this.db.read("search-entities", {
          lucene: texts
            .slice(i, i + PHRASES_PER_QUERY)
            .map(toLucenePhrase)
            .join(" OR "),
          limit,
        })),
      );
    }
    return rows;
  }
}

/** Phrases in one fallback candidate query (each one Lucene clause; the limit is 1024). */
const PHRASES_PER_QUERY = 200;

/**
 * What search and customs party matching read of an entity's names and identifiers, computed as an
 * import computes them (src/import/batch-prepare.ts): `nameKey` of its name, `aliasKeys` of its aliases, the `latinNames` of
 * its name and aliases, and the `identifierKeys` of its `scheme:value` identifiers.
 */
function nameProps(input: { readonly name: string; readonly aliases: readonly string[]; readonly identifiers: readonly string[] }) {
  const aliasKeys = aliasKeysOf(input.name, input.aliases);
  return {
    nameKey: nameKey(input.name),
    latinNames: latinNamesOf([input.name, ...input.aliases]),
    identifierKeys: identifierKeysOf(input.identifiers),
    ...(aliasKeys.length > 0 ? { aliasKeys } : {}),
  };
}

/** The identifierKey of each `scheme:value` identifier's value, each once. */
function identifierKeysOf(identifiers: readonly string[]): string[] {
  return [...new Set(identifiers.map((i) => identifierKey(i.slice(i.indexOf(":") + 1))).filter((k): k is string => k !== null))];
}

/** A readable id from a name: its any-ascii transliteration, lower-case, words joined by hyphens, at most 60 characters. */
export function slug(name: string): string {
  return anyAscii(name.normalize("NFKC"))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

const COUNTRY = /^[A-Z]{2}$/;
const IDENTIFIER = /^[a-z][a-z0-9_.-]{0,31}:\S{1,200}$/;

function checkEntityInput(input: EntityInput) {
  const name = (input.name ?? "").trim();
  if (name.length === 0 || name.length > 200) throw new BadUserInputError("name must be 1 to 200 characters", { argument: "name" });
  if (!(ENTITY_KINDS as readonly string[]).includes(input.kind))
    throw new BadUserInputError(`kind must be one of ${ENTITY_KINDS.join(", ")}`, { argument: "kind" });
  const aliases = [...new Set((input.aliases ?? []).map((a) => a.trim()).filter(Boolean))];
  if (aliases.length > 50 || aliases.some((a) => a.length > 200))
    throw new BadUserInputError("aliases takes at most 50 names of at most 200 characters", { argument: "aliases" });
  const country = input.country?.trim().toUpperCase() || null;
  if (country !== null && !COUNTRY.test(country))
    throw new BadUserInputError(`country must be an ISO 3166-1 alpha-2 code such as CN; got ${JSON.stringify(input.country)}`, { argument: "country" });
  const description = input.description?.trim() || null;
  if (description !== null && description.length > 2000)
    throw new BadUserInputError("description must be at most 2000 characters", { argument: "description" });
  const identifiers = [...new Set((input.identifiers ?? []).map((i) => i.trim()))];
  const bad = identifiers.filter((i) => !IDENTIFIER.test(i));
  if (bad.length > 0 || identifiers.length > 20) {
    throw new BadUserInputError(
      `identifiers must be at most 20 of the form scheme:value (scheme in lower case, such as lei:5493001KJTIIGC8Y1R12); got ${bad.map((b) => JSON.stringify(b)).join(", ")}`,
      { argument: "identifiers" },
    );
  }
  return { name, kind: input.kind, aliases, country, description, identifiers };
}
