import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../storage/index.js';
import { TEMPLATE_DB } from './dialects.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgSkipReason: string | null;
    sqliteTemplate: string;
  }
}

/**
 * Starts PostgreSQL once for the whole run (TEST_DATABASE_URL, else embedded-postgres), migrates a
 * template database on each dialect, and hands their locations to the test files.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  const dir = mkdtempSync(join(tmpdir(), 'closer-test-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));

  const sqliteTemplate = join(dir, 'template.db');
  const sqlite = await openDatabase({ url: `sqlite:${sqliteTemplate}`, migrate: true });
  await sqlite.close();
  project.provide('sqliteTemplate', sqliteTemplate);

  const only = process.env.CLOSER_TEST_DIALECTS;
  let pgUrl: string | null = null;
  let pgSkipReason: string | null = null;
  if (only && !only.split(',').includes('postgres')) {
    pgSkipReason = `CLOSER_TEST_DIALECTS=${only} excludes postgres`;
  } else {
    let adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) {
      const pg = await startEmbeddedPostgres({ dirPrefix: 'closer-pg', flags: ['-c', 'max_connections=300'] });
      cleanups.unshift(pg.stop);
      adminUrl = pg.adminUrl;
    }
    const { default: pgLib } = await import('pg');
    const client = new pgLib.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await client.end();
    const templateUrl = new URL(adminUrl);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const pgStore = await openDatabase({ url: templateUrl.toString(), migrate: true, poolSize: 1 });
    await pgStore.close();
    pgUrl = adminUrl;
  }
  project.provide('pgUrl', pgUrl);
  project.provide('pgSkipReason', pgSkipReason);

  return async () => {
    for (const c of cleanups) await c();
  };
}
