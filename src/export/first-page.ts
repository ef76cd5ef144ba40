import type { ExportChunks, ExportGraph } from "./types.js";

/** An export whose database has already answered: the text written so far, then the rest. */
export interface StartedExport {
  /** Every chunk the writer yielded up to and including its first page of data. */
  readonly head: readonly string[];
  /** All of the export's text: `head`, then the chunks still to come (reads the graph on). */
  readonly chunks: AsyncIterable<string>;
}

/**
 * Runs `writer` over `graph` until the graph has answered its first read (a first page, or an
 * empty pass), keeping what it wrote, so that a database that is down or a query that fails
 * before any data raise here, while nothing is sent yet and the caller can still answer with a
 * status code. Later failures surface while iterating `chunks`.
 * @throws whatever the graph's first read throws (DatabaseUnavailableError, QueryTooCostlyError, …).
 */
export async function startExport(writer: ExportChunks, graph: ExportGraph): Promise<StartedExport> {
  let answered = false;
  async function* watched<T>(pages: AsyncIterable<T>): AsyncIterable<T> {
    for await (const page of pages) {
      answered = true;
      yield page;
    }
    answered = true;
  }
  const iterator = writer({ nodes: () => watched(graph.nodes()), edges: () => watched(graph.edges()) })[Symbol.asyncIterator]();
  const head: string[] = [];
  let done = false;
  while (!answered && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head.push(next.value);
  }
  async function* all(): AsyncIterable<string> {
    yield* head;
    if (done) return;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A client that went away stops the writer, and with it the graph's page reads.
      await iterator.return?.();
    }
  }
  return { head, chunks: all() };
}
