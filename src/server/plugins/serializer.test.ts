import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler as libraryCompiler } from 'fastify-type-provider-zod';
import { parsesAsItEncodes, presentedSerializerCompiler, serializerCompiler } from './serializer.js';

type Route = Parameters<typeof serializerCompiler>[0];
const compile = (schema: unknown) => serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as Route);
const library = (schema: unknown) => libraryCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as Parameters<typeof libraryCompiler>[0]);

const View = z.object({
  id: z.string(),
  status: z.enum(['active', 'lost']),
  labels: z.array(z.string()),
  closedAt: z.string().nullable(),
  note: z.string().optional(),
  version: z.number().int(),
  meta: z.record(z.string(), z.unknown()),
  either: z.union([z.literal('a'), z.object({ b: z.number() })]),
});
const Body = z.object({ items: z.array(View) });

describe('response serializer', () => {
  const good = {
    items: [
      { id: '1', status: 'active', labels: ['x'], closedAt: null, version: 2, meta: { k: [1, 'two'] }, either: 'a' },
      { id: '2', status: 'lost', labels: [], closedAt: '2026-11-02T15:00:00.000Z', note: 'n "quoted" \u2028', version: 1, meta: {}, either: { b: 3 } },
    ],
  };

  it('writes exactly what the library writes for data that keeps the contract', () => {
    expect(parsesAsItEncodes(Body)).toBe(true);
    expect(compile(Body)(good)).toBe(library(Body)(good));
    expect(JSON.parse(compile(Body)(good))).toEqual(good);
  });

  it('leaves out keys the schema does not name, at every depth (nothing undeclared leaks)', () => {
    const leaky = { items: [{ ...good.items[0], salary: 420_000 }], offer: { base: 1 } };
    const out = compile(Body)(leaky);
    expect(out).not.toContain('salary');
    expect(out).not.toContain('offer');
    expect(out).toBe(library(Body)(leaky));
  });

  it('still refuses a response that breaks its schema (a wrong type, a value outside an enum, a missing field, a fraction for an integer)', () => {
    const bad = [
      { items: [{ ...good.items[0], id: 7 }] },
      { items: [{ ...good.items[0], status: 'hired' }] },
      { items: [{ ...good.items[0], version: undefined }] },
      { items: [{ ...good.items[0], version: 1.5 }] },
      { items: 'none' },
    ];
    for (const data of bad) {
      expect(() => compile(Body)(data), JSON.stringify(data)).toThrow(/Response doesn't match the schema/);
      expect(() => library(Body)(data)).toThrow(/Response doesn't match the schema/);
    }
  });

  it('keeps the library’s encoding where parsing and encoding differ (transforms, codecs, defaults)', () => {
    const Dated = z.object({ at: z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }) });
    const Defaulted = z.object({ n: z.number().default(1) });
    const Transformed = z.object({ s: z.string().transform((s) => s.length) });
    for (const schema of [Dated, Defaulted, Transformed]) expect(parsesAsItEncodes(schema)).toBe(false);
    const at = new Date('2026-11-02T15:00:00.000Z');
    expect(compile(Dated)({ at })).toBe('{"at":"2026-11-02T15:00:00.000Z"}');
    expect(compile(Defaulted)({ n: 2 })).toBe(library(Defaulted)({ n: 2 }));
    // Encoding does not fill in defaults: a missing value is refused, as by the library.
    expect(() => compile(Defaulted)({})).toThrow(/Response doesn't match the schema/);
  });

  it('handles a schema that refers to itself', () => {
    interface Node { name: string; children: Node[] }
    const Tree: z.ZodType<Node> = z.object({ name: z.string(), get children() { return z.array(Tree); } });
    const tree = { name: 'a', children: [{ name: 'b', children: [] }] };
    expect(compile(Tree)(tree)).toBe(JSON.stringify(tree));
  });

  it('writes a presented 200 body as it is, and keeps checking the other statuses', () => {
    const presented = (httpStatus: string) => presentedSerializerCompiler({ schema: Body, method: 'GET', url: '/x', httpStatus } as Route);
    expect(presented('200')(good)).toBe(compile(Body)(good));
    const Error = z.object({ code: z.string(), message: z.string() });
    const errorOut = presentedSerializerCompiler({ schema: Error, method: 'GET', url: '/x', httpStatus: '400' } as Route);
    expect(errorOut({ code: 'X', message: 'm', extra: 1 })).toBe('{"code":"X","message":"m"}');
    expect(() => errorOut({ code: 1 })).toThrow(/Response doesn't match the schema/);
  });
});
