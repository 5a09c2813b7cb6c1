/**
 * Yields `read(item)` for each item in order, with up to `depth` reads
 * running ahead of the one consumed, so the store's latency overlaps the
 * sending of the previous lists.
 *
 * A read that fails before its turn must not be left unhandled: Node ends the
 * process on an unhandled rejection, and a restore meeting a corrupt blob
 * while it is still sending an earlier list would take the coordinator down.
 * Each read is therefore observed as it starts; its error is thrown when the
 * consumer reaches it, and reads still running when the consumer stops
 * settle unobserved.
 */
export async function* readAhead<T, R>(
  items: readonly T[],
  read: (item: T) => Promise<R>,
  depth: number,
): AsyncGenerator<R> {
  const reads: (Promise<R> | undefined)[] = [];
  const start = (index: number) => {
    const reading = (async () => read(items[index]))();
    reading.catch(() => {});
    reads[index] = reading;
  };
  for (let i = 0; i < Math.min(Math.max(1, depth), items.length); i++) start(i);
  for (let i = 0; i < items.length; i++) {
    const value = await reads[i]!;
    // Let the consumed value go: a restore holds only the lists read ahead.
    reads[i] = undefined;
    if (i + depth < items.length) start(i + depth);
    yield value;
  }
}
