import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/** Statements kept prepared; beyond this the least recently used one is dropped (finalised by the GC). */
const CAPACITY = 500;
/** Longer SQL (multi-row inserts of imports and benchmarks) is prepared each time rather than kept. */
const LONGEST_CACHED_SQL = 4_096;

/**
 * The better-sqlite3 handle as Kysely's SQLite driver sees it, with prepared statements kept per SQL text.
 * Kysely prepares every query it runs; preparing (parsing and planning) a short query costs about as much as
 * running it, so the same few queries (the token lookup, the list reads) are prepared once instead.
 *
 * Safe because better-sqlite3 is synchronous: `all` and `run` finish before anything else can use the
 * statement, and bindings are per call. The one exception, a statement still being iterated (Kysely's
 * `stream()`), reports `busy`, and then a fresh statement is prepared. SQLite re-prepares a statement itself
 * when a migration changes the schema under it.
 */
export function withStatementCache(raw: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      raw.close();
    },
    prepare(sql: string): SqliteStatement {
      if (sql.length > LONGEST_CACHED_SQL) return raw.prepare(sql);
      const hit = cache.get(sql);
      if (hit) {
        if (hit.busy) return raw.prepare(sql);
        // Re-insert: Map keeps insertion order, so the first key is the least recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = raw.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}
