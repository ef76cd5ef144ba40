import { editorToken } from "./token";
import type { ClaimStatus, Entity, Judgement, MatchCandidate, Relationship, Revision, RouteSearch, Subgraph } from "./types";
import {
  ADD_CLAIM_MUTATION,
  ADD_SOURCE_MUTATION,
  CANDIDATES_QUERY,
  ENTITY_QUERY,
  EXPOSURE_QUERY,
  HISTORY_QUERY,
  JUDGE_MUTATION,
  ME_QUERY,
  NEIGHBORHOOD_QUERY,
  RETRACT_CLAIM_MUTATION,
  ROUTES_QUERY,
  SEARCH_QUERY,
} from "./queries";

/**
 * A failed call to the API, ready to show: `code` is the API's `extensions.code` (BAD_USER_INPUT,
 * NOT_FOUND, DATABASE_UNAVAILABLE, …), `HTTP_<status>` for an HTTP error without a GraphQL
 * error, or `NETWORK_ERROR` when the server could not be reached; `message` is the API's own text.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** `err` as an ApiError: itself, or code `ERROR` with the message of anything else thrown (a bug, shown rather than swallowed). */
export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError("ERROR", err instanceof Error ? err.message : String(err));
}

interface ErrorBody {
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/** The first error of a GraphQL-shaped body `{errors: [{message, extensions: {code}}]}`, if any. */
function bodyError(body: unknown, status: number): ApiError | null {
  const first = (body as ErrorBody | null)?.errors?.[0];
  if (!first) return null;
  return new ApiError(first.extensions?.code ?? "ERROR", first.message ?? "The server reported an error without a message.", status);
}

async function send(path: string, body: unknown): Promise<Response> {
  try {
    return await fetch(path, {
      method: "POST",
      // The token pasted in Settings, if any (writes need an editor's; reads work without).
      headers: { "content-type": "application/json", accept: "application/json", ...(editorToken() ? { authorization: `Bearer ${editorToken()}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError("NETWORK_ERROR", `Could not reach the actorgraph server (${(err as Error).message}). Check that it is running.`);
  }
}

/**
 * POSTs a GraphQL operation to the same-origin `/graphql` and returns its `data`.
 * @throws ApiError with the API's first error, an HTTP error, or a network error.
 */
export async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await send("/graphql", { query, variables });
  let body: { data?: T | null } & ErrorBody;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`HTTP_${res.status}`, `The server answered HTTP ${res.status} ${res.statusText} without a GraphQL body.`, res.status);
  }
  const error = bodyError(body, res.status);
  if (error) throw error;
  if (!res.ok || body.data === undefined || body.data === null) {
    throw new ApiError(`HTTP_${res.status}`, `The server answered HTTP ${res.status} ${res.statusText} without data.`, res.status);
  }
  return body.data;
}

/** Entities whose name or alias matches `text`, best first (Query.search, at most 8). */
export async function searchEntities(text: string): Promise<Entity[]> {
  return (await gql<{ search: Entity[] }>(SEARCH_QUERY, { text })).search;
}

/** The parameters of a route search the form sends; the API checks ranges (maxHops 1–10, minConfidence 0–1). */
export interface RouteParams {
  from: string;
  to: string;
  maxHops: number;
  minConfidence: number;
  statuses: ClaimStatus[];
  /** FLOW follows goods and money in their stored direction; ANY every relationship both ways (schema.graphql `RouteDirection`). */
  direction: "FLOW" | "ANY";
}

/** Ranked routes with their subgraph (Query.routes, 10 routes at most). */
export async function findRoutes(params: RouteParams): Promise<RouteSearch> {
  return (await gql<{ routes: RouteSearch }>(ROUTES_QUERY, { ...params })).routes;
}

/** Routes from `id` to the nearest sanctioned parties (Query.exposure with topic `sanction`, up to 4 hops). */
export async function exposure(id: string): Promise<RouteSearch> {
  return (await gql<{ exposure: RouteSearch }>(EXPOSURE_QUERY, { id })).exposure;
}

/** Entities one hop around `id` and every relationship among them (Query.neighborhood, at most 60 entities). */
export async function neighborhood(id: string): Promise<Subgraph> {
  return (await gql<{ neighborhood: Subgraph }>(NEIGHBORHOOD_QUERY, { id })).neighborhood;
}

/**
 * Exports exactly the listed elements (`POST /export/<format>` with scope `elements`) and returns
 * the file. `relationships` are `TYPE:id` keys; the server caps both lists at 5000.
 * @throws ApiError with the server's JSON error (BAD_USER_INPUT, NOT_FOUND, …) or a network error.
 */
export async function exportElements(format: "graphml" | "cytoscape", nodes: string[], relationships: string[]): Promise<Blob> {
  const res = await send(`/export/${format}`, { scope: "elements", nodes, relationships });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw bodyError(body, res.status) ?? new ApiError(`HTTP_${res.status}`, `The export failed: HTTP ${res.status} ${res.statusText}.`, res.status);
  }
  return res.blob();
}

/** Who the API takes the caller to be (Query.me): the token's subject and roles, or null and []. */
export async function me(): Promise<{ subject: string | null; roles: string[] }> {
  return (await gql<{ me: { subject: string | null; roles: string[] } }>(ME_QUERY, {})).me;
}

/** A claim's revisions, oldest first (Query.history). */
export async function claimHistory(id: string): Promise<Revision[]> {
  return (await gql<{ history: Revision[] }>(HISTORY_QUERY, { id })).history;
}

/** What the explorer's source form sends to addSource. */
export interface NewSource {
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
}

/** Stores a source (Mutation.addSource; editor token). */
export async function addSource(input: NewSource): Promise<{ id: string; title: string; textLength: number }> {
  return (await gql<{ addSource: { id: string; title: string; textLength: number } }>(ADD_SOURCE_MUTATION, { input })).addSource;
}

/** What the explorer's claim form sends to addClaim: one quote of one source. */
export interface NewClaim {
  from: string;
  to: string;
  type: string;
  status: ClaimStatus;
  evidence: { sourceId: string; quote: string; occurrence: number | null }[];
}

/** Adds a claim (Mutation.addClaim; editor token). */
export async function addClaim(input: NewClaim): Promise<Relationship> {
  return (await gql<{ addClaim: Relationship }>(ADD_CLAIM_MUTATION, { input })).addClaim;
}

/** Retracts a claim with a reason (Mutation.retractClaim; editor token), at the version shown. */
export async function retractClaim(id: string, reason: string, version: number): Promise<Relationship> {
  return (await gql<{ retractClaim: Relationship }>(RETRACT_CLAIM_MUTATION, { id, reason, version })).retractClaim;
}

/** One entity by id (Query.entity); a merged id resolves to its entity. */
export async function entityById(id: string): Promise<Entity> {
  return (await gql<{ entity: Entity }>(ENTITY_QUERY, { id })).entity;
}

/** The possible duplicates of an entity, best first (Query.candidates, score 0.5 or more, at most 10). */
export async function candidatesOf(id: string): Promise<MatchCandidate[]> {
  return (await gql<{ candidates: MatchCandidate[] }>(CANDIDATES_QUERY, { id })).candidates;
}

/** What a judgement says: same actor, different actors, or undecided. */
export type JudgementValue = "POSITIVE" | "NEGATIVE" | "UNSURE";

/** Judges two records with a reason (Mutation.judge; editor token). */
export async function judge(left: string, right: string, judgement: JudgementValue, reason: string): Promise<Judgement> {
  return (await gql<{ judge: Judgement }>(JUDGE_MUTATION, { left, right, judgement, reason })).judge;
}
