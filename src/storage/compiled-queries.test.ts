import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../test-support/dialects.js';
import { runCompiled } from './compiled-queries.js';
import { inTransaction, recordAudit, type Store } from './index.js';

for (const dialect of dialectsUnderTest()) {
  describe(`runCompiled [${dialect.name}]`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await dialect.createStore();
      for (const [entityId, action] of [['c1', 'x.one'], ['c2', 'x.two'], ['c3', 'x.one']] as const) {
        await recordAudit(store.db, { actorId: null, action, entity: 'compiled', entityId, fields: ['a'], at: new Date('2026-01-01T00:00:00Z') });
      }
    });
    afterAll(async () => store.close());

    const byAction = (tx: Store['db'], action: string, limit: number) =>
      runCompiled(
        tx,
        'test:audit-by-action',
        () => tx.selectFrom('audit_log').select('entity_id').where('entity', '=', 'compiled').where('action', '=', action).orderBy('entity_id').limit(limit),
        ['compiled', action, limit],
      );

    it('reuses the compiled SQL with each call’s values, in and out of a transaction', async () => {
      expect((await byAction(store.db, 'x.one', 10)).map((r) => r.entity_id)).toEqual(['c1', 'c3']);
      expect((await byAction(store.db, 'x.two', 10)).map((r) => r.entity_id)).toEqual(['c2']);
      expect((await byAction(store.db, 'x.one', 1)).map((r) => r.entity_id)).toEqual(['c1']);
      const inTx = await inTransaction(store.db, async (tx) => byAction(tx, 'x.one', 10));
      expect(inTx.map((r) => r.entity_id)).toEqual(['c1', 'c3']);
    });

    it('refuses parameters that are not the ones the query binds, in order', async () => {
      const build = () => store.db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'compiled').where('action', '=', 'x.one');
      await expect(runCompiled(store.db, 'test:wrong-order', build, ['x.one', 'compiled'])).rejects.toThrow(/not those the query binds/);
      await expect(runCompiled(store.db, 'test:too-few', build, ['compiled'])).rejects.toThrow(/not those the query binds/);
    });
  });
}
