// Caches of what this process has read from its database (computed boards, the county's past months,
// plan rows), kept by keys such as the data stamp that hold for one database. The app has one
// database per process; tests install a database per file and run many files in one process, so
// installing a database empties them (a copy of the same template has the same stamps and ids).
import { LRUCache } from "lru-cache";

const caches = new Set<{ clear(): void }>();

/** A bounded cache of what was read from the app's database, emptied when that database is replaced. */
export function databaseCache<V extends object>(max: number): LRUCache<string, V> {
  const cache = new LRUCache<string, V>({ max });
  caches.add(cache);
  return cache;
}

export function clearDatabaseCaches(): void {
  for (const cache of caches) cache.clear();
}
