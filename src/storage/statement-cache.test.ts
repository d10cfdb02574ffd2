import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('SQLite statement cache', () => {
  let raw: SqliteDatabase.Database;
  afterEach(() => {
    if (raw.open) raw.close();
  });
  function open() {
    raw = new SqliteDatabase(':memory:');
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    raw.exec("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
    return withStatementCache(raw);
  }

  it('prepares a query once and gives the same statement back, with the parameters of each call', () => {
    const db = open();
    const first = db.prepare('SELECT name FROM t WHERE id = ?');
    const second = db.prepare('SELECT name FROM t WHERE id = ?');
    expect(second).toBe(first);
    expect(first.all([1])).toEqual([{ name: 'a' }]);
    expect(second.all([3])).toEqual([{ name: 'c' }]);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const db = open();
    const sql = 'SELECT name FROM t ORDER BY id';
    const iterating = db.prepare(sql);
    const rows = iterating.iterate([]);
    expect(rows.next().value).toEqual({ name: 'a' });
    const other = db.prepare(sql);
    expect(other).not.toBe(iterating);
    expect(other.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ name: 'b' }, { name: 'c' }]);
  });

  it('sees a schema change made after the statement was cached', () => {
    const db = open();
    expect(db.prepare('SELECT * FROM t WHERE id = ?').all([1])).toEqual([{ id: 1, name: 'a' }]);
    db.prepare("ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'x'").run([]);
    expect(db.prepare('SELECT * FROM t WHERE id = ?').all([1])).toEqual([{ id: 1, name: 'a', note: 'x' }]);
  });

  it('keeps writes working through cached statements and does not keep long multi-row inserts', () => {
    const db = open();
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    insert.run(['d']);
    db.prepare('INSERT INTO t (name) VALUES (?)').run(['e']);
    expect(raw.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 5 });
    const long = `INSERT INTO t (name) VALUES ${Array.from({ length: 1_000 }, () => '(?)').join(', ')}`;
    const a = db.prepare(long);
    expect(db.prepare(long)).not.toBe(a);
    a.run(Array.from({ length: 1_000 }, (_, i) => `n${i}`));
    expect(raw.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1_005 });
  });

  it('drops the least recently used statement beyond its capacity', () => {
    const db = open();
    const kept = db.prepare('SELECT 0 AS n');
    const dropped = db.prepare('SELECT 1 AS n');
    for (let i = 2; i < 500; i++) db.prepare(`SELECT ${i} AS n`);
    expect(db.prepare('SELECT 0 AS n')).toBe(kept); // used again: now the most recent
    db.prepare('SELECT 500 AS n'); // one over: the least recently used (SELECT 1) goes
    expect(db.prepare('SELECT 0 AS n')).toBe(kept);
    expect(db.prepare('SELECT 1 AS n')).not.toBe(dropped);
  });

  it('closes the database', () => {
    const db = open();
    db.prepare('SELECT 1');
    db.close();
    expect(raw.open).toBe(false);
  });
});
