import type { Compilable, CompiledQuery } from 'kysely';
import type { Tx } from './transaction.js';

/** Compiled SQL per dialect (keyed by the executor's adapter, which a database and its transactions share) and shape. */
const cache = new WeakMap<object, Map<string, CompiledQuery<unknown>>>();

/**
 * Runs a query whose SQL text depends only on `shape` (which filters are present, not their values), building
 * and compiling it with Kysely once per dialect and then reusing the SQL with this call's `parameters`. For the
 * few queries every request runs (the token lookup, the list reads): building the query tree and compiling it
 * cost as much as a short query itself and made garbage at every request.
 *
 * `parameters` are the values in the order the SQL binds them. The first call checks that order against the
 * parameters Kysely compiled from `build()` (built with the same values), and throws when they differ, so a
 * wrong order fails at once (in the tests) instead of binding a value to the wrong placeholder.
 */
export async function runCompiled<R>(tx: Tx, shape: string, build: () => Compilable<R>, parameters: readonly unknown[]): Promise<R[]> {
  const adapter = tx.getExecutor().adapter;
  let byShape = cache.get(adapter);
  if (!byShape) cache.set(adapter, (byShape = new Map()));
  let compiled = byShape.get(shape) as CompiledQuery<R> | undefined;
  if (!compiled) {
    compiled = build().compile();
    const got = compiled.parameters;
    if (got.length !== parameters.length || got.some((p, i) => p !== parameters[i])) {
      throw new Error(`runCompiled(${shape}): the parameters given (${parameters.length}) are not those the query binds (${got.length}), in order`);
    }
    byShape.set(shape, compiled);
  }
  return (await tx.executeQuery<R>({ ...compiled, parameters })).rows;
}
