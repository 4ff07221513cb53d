/** Small helpers over lists, shared by the ingest, the map and the site. */

/** Groups items by key (an item may have several keys, e.g. tags), keeping input order. */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/**
 * Runs `task` on every item, a batch at a time, results in input order: file reads and writes
 * overlap instead of waiting one by one (10,000 pages: seconds of waiting one by one).
 */
export async function inBatches<T, R>(items: readonly T[], task: (item: T) => Promise<R>, size = 64): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(task))));
  return results;
}
