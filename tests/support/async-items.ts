/**
 * The items as an async iterable, in order: the stubs of the streaming readers and export graphs
 * hold their data in memory, while the code under test takes an `AsyncIterable`.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- in-memory items: nothing to await, yet the consumer needs an AsyncIterable
export async function* asyncItems<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
