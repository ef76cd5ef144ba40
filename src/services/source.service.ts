import type { AuthService } from "../auth/auth.service.js";
import type { Caller } from "../auth/roles.js";
import type { Database } from "../db/run.js";
import { runIn } from "../db/run.js";
import { plainText, type Plain } from "../db/values.js";
import { AppError, BadUserInputError, ErrorCode } from "../errors.js";
import { runMutation, sha256 } from "./mutation-runner.js";
import { entityId } from "./validate.js";
import { sourceKind, type SourceView } from "./views.js";

/** Largest source text addSource stores, in **bytes** of UTF-8: 2 MiB, about 1 000 pages of prose. Bigger documents go through `actorgraph import`. */
export const MAX_SOURCE_TEXT_BYTES = 2 * 1024 * 1024;

/** What a source can be. */
export const SOURCE_KINDS = ["article", "document", "dataset"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** addSource's input. */
export interface SourceInput {
  readonly title: string;
  readonly publisher?: string | null;
  readonly url?: string | null;
  /** ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or a date-time. */
  readonly publishedAt?: string | null;
  /** The full text; quotes are checked against it. */
  readonly text: string;
  /** Reporting the source relies on ("The New York Times"): a relay is not independent of what it cites. */
  readonly cites?: readonly string[] | null;
  /** Default `article`. */
  readonly kind?: SourceKind | null;
  /** BCP 47 language tag, for example `en`. */
  readonly language?: string | null;
}

/** A source with its text, as Query.source and addSource return it. */
export interface StoredSourceView extends SourceView {
  /** Hex sha256 of the UTF-8 text; null for imported datasets, which store no text. */
  readonly textSha256: string | null;
  /** Length of the text in UTF-16 code units (the unit of evidence offsets), or null. */
  readonly textLength: number | null;
  /** The full text, or null (datasets). */
  readonly text: string | null;
}

const ISO_8601 = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Sources: addSource (stored once per text) and reading one back. */
export class SourceService {
  constructor(
    private readonly db: Database,
    private readonly auth: AuthService,
  ) {}

  /**
   * Stores a source with its text and the text's sha256. The same text again returns the
   * stored Source unchanged (its metadata is not overwritten) and writes no revision.
   * Needs the editor role.
   * @throws UnauthenticatedError, ForbiddenError; BadUserInputError naming the field for an empty or
   *   oversized text (over {@link MAX_SOURCE_TEXT_BYTES}), a bad URL, date, kind or length.
   */
  async addSource(caller: Caller | null, input: SourceInput, idempotencyKey?: string | null): Promise<StoredSourceView> {
    const who = this.auth.require(caller, "editor", "add a source");
    const clean = checkSourceInput(input);
    const hash = sha256(clean.text);
    const result = await runMutation(this.db, {
      caller: who,
      operation: "addSource",
      idempotencyKey,
      request: { ...clean, text: hash },
      change: async (tx) => {
        const now = new Date().toISOString();
        const props = { ...clean.props, createdAt: now, createdBy: who.subject };
        const [row] = await runIn(tx, "merge-source", { sha256: hash, id: `source-${hash.slice(0, 16)}`, text: clean.text, props });
        const id = plainText(row!.id);
        if (row!.created !== true) return { targetKind: "source", targetId: id, revisions: [] };
        return {
          targetKind: "source",
          targetId: id,
          revisions: [
            {
              targetKind: "source",
              targetId: id,
              version: 1,
              reason: null,
              before: null,
              after: { ...props, id, textSha256: hash, textLength: clean.text.length },
            },
          ],
        };
      },
    });
    return this.getSource(result.targetId);
  }

  /**
   * One source by id, with its text.
   * @throws AppError NOT_FOUND for an unknown id.
   */
  async getSource(id: string): Promise<StoredSourceView> {
    const [row] = await this.db.read("source-by-id", { id: entityId("id", id), withText: true });
    if (!row) throw new AppError(`No source with id ${JSON.stringify(id)}.`, ErrorCode.NOT_FOUND, { ids: [id] });
    return toStoredSourceView(row.source as Record<string, Plain>);
  }
}

/** Maps a stored `:Source` map to a StoredSourceView. */
export function toStoredSourceView(s: Record<string, Plain>): StoredSourceView {
  const str = (v: Plain | undefined) => (v === null || v === undefined ? null : plainText(v));
  return {
    id: plainText(s.id),
    title: plainText(s.title ?? s.name ?? s.id),
    titleInferred: s.titleInferred === true,
    publisher: str(s.publisher),
    url: str(s.url),
    publishedAt: str(s.publishedAt),
    cites: Array.isArray(s.cites) ? s.cites.map(String) : [],
    kind: sourceKind(s.kind),
    textSha256: str(s.textSha256),
    textLength: typeof s.text === "string" ? s.text.length : null,
    text: str(s.text),
    version: typeof s.version === "number" ? s.version : 1,
  };
}

function checkSourceInput(input: SourceInput) {
  const text = input.text;
  if (typeof text !== "string" || text.trim().length === 0)
    throw new BadUserInputError("text must hold the source's full text; it is empty", { argument: "text" });
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SOURCE_TEXT_BYTES) {
    throw new BadUserInputError(
      `text is ${bytes} bytes; addSource stores at most ${MAX_SOURCE_TEXT_BYTES} bytes (2 MiB). Import bigger documents with \`npx actorgraph import\`.`,
      {
        argument: "text",
        max: MAX_SOURCE_TEXT_BYTES,
      },
    );
  }
  const title = bounded("title", input.title, 1, 500);
  const publisher = optional("publisher", input.publisher, 200);
  const url = optional("url", input.url, 2000);
  if (url !== null && !/^https?:\/\/[^\s]+$/i.test(url)) throw new BadUserInputError("url must be an http or https URL", { argument: "url" });
  const publishedAt = optional("publishedAt", input.publishedAt, 40);
  if (publishedAt !== null && !ISO_8601.test(publishedAt)) {
    throw new BadUserInputError(`publishedAt must be ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD or a date-time); got ${JSON.stringify(publishedAt)}`, {
      argument: "publishedAt",
    });
  }
  const cites = [...new Set(input.cites ?? [])].map((c) => bounded("cites", c, 1, 200));
  if (cites.length > 20) throw new BadUserInputError("cites takes at most 20 names", { argument: "cites" });
  const kind = input.kind ?? "article";
  if (!(SOURCE_KINDS as readonly string[]).includes(kind)) throw new BadUserInputError(`kind must be one of ${SOURCE_KINDS.join(", ")}`, { argument: "kind" });
  const language = optional("language", input.language, 35);
  return { text, props: { title, titleInferred: false, publisher, url, publishedAt, cites, kind, language } };
}

function bounded(name: string, value: string | null | undefined, min: number, max: number): string {
  const v = (value ?? "").trim();
  if (v.length < min || v.length > max) throw new BadUserInputError(`${name} must be ${min} to ${max} characters`, { argument: name });
  return v;
}

function optional(name: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return bounded(name, value, 1, max);
}
