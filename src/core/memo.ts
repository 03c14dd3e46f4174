/**
 * The value cached under `key`, computed on first use. With `limit`, a full cache is emptied before it
 * grows past it: for caches of pure results that live as long as the process.
 */
export function remember<T>(cache: Map<string, T>, key: string, compute: () => T, limit = Infinity): T {
  let value = cache.get(key);
  if (value === undefined && !cache.has(key)) {
    value = compute();
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value as T;
}
