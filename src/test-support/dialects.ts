import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type DialectName, type Store } from '../storage/index.js';

export const TEMPLATE_DB = 'closer_template';

export interface DialectUnderTest {
  name: DialectName;
  /** A fresh, migrated, empty database for one test file or test. */
  createStore(): Promise<Store>;
}

async function createSqliteStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-sqlite-'));
  const file = join(dir, 'test.db');
  copyFileSync(inject('sqliteTemplate'), file);
  return openDatabase({ url: `sqlite:${file}`, migrate: false });
}

async function createPostgresStore(adminUrl: string): Promise<Store> {
  const name = `closer_t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openDatabase({ url: url.toString(), migrate: false, poolSize: 25 });
  const close = store.close;
  store.close = async () => {
    await close();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
    await cleanup.end();
  };
  return store;
}

/**
 * The dialects every storage and API suite runs on. PostgreSQL is always included unless
 * CLOSER_TEST_DIALECTS narrows the run, and then the skip is announced, never silent.
 */
export function dialectsUnderTest(): DialectUnderTest[] {
  const out: DialectUnderTest[] = [];
  const only = process.env.CLOSER_TEST_DIALECTS?.split(',');
  if (!only || only.includes('sqlite')) out.push({ name: 'sqlite', createStore: createSqliteStore });
  const pgUrl = inject('pgUrl');
  if (pgUrl) out.push({ name: 'postgres', createStore: () => createPostgresStore(pgUrl) });
  else console.warn(`[closer tests] PostgreSQL suites skipped: ${inject('pgSkipReason') ?? 'no server'}`);
  return out;
}
