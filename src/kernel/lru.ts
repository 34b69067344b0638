/**
 * A size-bounded cache that forgets the least recently used entry first, with an optional
 * expiry per entry. A Map keeps insertion order, so a hit moves its entry to the end and the
 * first key is always the eldest: every operation is O(1) but `deleteWhere`, which walks the
 * cache and is meant for rare, targeted invalidations. (lru-cache would do the same; this is
 * the fifty lines we need, with no dependency.)
 *
 * A hit on an entry moved to the end within the last `max / 2` moves leaves it where it is:
 * fewer than `max / 2` entries are behind it, so it cannot be the one evicted, and moving it
 * again would only churn the map (a Map's deletions leave holes that it compacts by copying
 * itself, four caches on every request). Such an entry counts as used when it was last moved.
 */
export class Lru<K, V> {
  readonly #entries = new Map<K, { value: V; expires: number; moved: number }>();
  /** Moves to the end so far: an entry's `moved` is this count when it last went there. */
  #moves = 0;

  /** `ttlMs`: how long an entry may be served at most (Infinity: until evicted or deleted). */
  constructor(
    readonly max: number,
    private readonly ttlMs = Infinity,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`an LRU needs room for at least one entry, got ${max}`);
  }

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    if (this.#moves - entry.moved >= this.max / 2) {
      this.#entries.delete(key);
      entry.moved = ++this.#moves;
      this.#entries.set(key, entry);
    }
    return entry.value;
  }

  has(key: K, now = Date.now()): boolean {
    const entry = this.#entries.get(key);
    return entry !== undefined && entry.expires > now;
  }

  set(key: K, value: V, now = Date.now()): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: now + this.ttlMs, moved: ++this.#moves });
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Deletes every entry `match` picks; answers how many. */
  deleteWhere(match: (key: K, value: V) => boolean): number {
    let deleted = 0;
    for (const [key, entry] of this.#entries) {
      if (match(key, entry.value)) {
        this.#entries.delete(key);
        deleted++;
      }
    }
    return deleted;
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * How long the tenant directory and the role cache keep an entry at most. Changes reach
 * them as notifications, at once; this only bounds how long a change whose notification was
 * lost (and not followed by a reconnect, which clears them) could go unseen.
 */
export const CACHE_SAFETY_NET_MS = 6 * 3_600_000;

/**
 * Entries each of the tenant, licence, role and session caches holds: tens of thousands of tenants stay cached with room to
 * spare. Measured with `npm run bench:cache-memory` (Node 20): about 20 MB of heap per 10,000
 * tenants for the four together, with one session each — directory 4.5 MB, verified licences
 * 9 MB (claims and the licence text, which the directory's entry shares), roles 1 MB (shared
 * by tenants whose roles are alike), sessions 5.7 MB. So at most about 100 MB when all 50,000
 * entries of each are in use.
 */
export const CACHE_MAX_ENTRIES = 50_000;
