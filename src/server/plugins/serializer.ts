import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError, serializerCompiler as encodingSerializerCompiler } from 'fastify-type-provider-zod';
import { $ZodType, safeParse } from 'zod/v4/core';

/**
 * Zod types whose parse and encode give the same output: plain data, checked both ways alike. Anything else
 * (transforms, pipes and codecs, defaults, catch, lazy, custom, ...) differs by direction or is not looked into.
 */
const SAME_BOTH_WAYS = new Set([
  'string', 'number', 'boolean', 'null', 'undefined', 'any', 'unknown', 'never', 'enum', 'literal', 'template_literal',
  'object', 'record', 'array', 'tuple', 'union', 'intersection', 'nullable', 'optional', 'nonoptional', 'readonly',
]);

interface Def {
  type: string;
  shape?: Record<string, $ZodType>;
  catchall?: $ZodType;
  element?: $ZodType;
  items?: $ZodType[];
  rest?: $ZodType | null;
  options?: $ZodType[];
  left?: $ZodType;
  right?: $ZodType;
  keyType?: $ZodType;
  valueType?: $ZodType;
  innerType?: $ZodType;
}

/** True when every type in the schema is plain data, so that checking the way in (parse) is the same as the way out (encode). */
export function parsesAsItEncodes(schema: $ZodType, seen = new Set<$ZodType>()): boolean {
  if (seen.has(schema)) return true;
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  if (!SAME_BOTH_WAYS.has(def.type)) return false;
  const children = [
    ...Object.values(def.shape ?? {}),
    ...(def.items ?? []),
    ...(def.options ?? []),
    ...[def.catchall, def.element, def.rest, def.left, def.right, def.keyType, def.valueType, def.innerType].filter((c): c is $ZodType => c instanceof $ZodType),
  ];
  return children.every((c) => parsesAsItEncodes(c, seen));
}

function resolveSchema(maybe: unknown): $ZodType | undefined {
  if (maybe instanceof $ZodType) return maybe;
  const props = (maybe as { properties?: unknown } | undefined)?.properties;
  return props instanceof $ZodType ? props : undefined;
}

/**
 * Response serialisation that keeps the contract and drops the double work. fastify-type-provider-zod encodes
 * every response with `z.safeEncode` (which runs a schema twice: a canary pass, then the checks) and then
 * `JSON.stringify`s it. For plain-data schemas (nearly all of ours) encoding and parsing give the same result,
 * and `safeParse` takes Zod's compiled fast path, so we parse instead: the same validation (a response that
 * breaks its schema is still a ResponseSerializationError, a 500, never sent), the same stripping of keys the
 * schema does not name (so nothing undeclared, such as pay for an interviewer, can leak), at about a quarter
 * of the cost. Schemas with transforms, codecs, defaults and the like keep the library's encoding.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  // Compiled at a route's first response rather than at start-up (Fastify asks for every route's serialiser
  // when the server starts; most routes answer nothing for a long while, some never).
  let compiled: ((data: unknown) => string) | undefined;
  return (data: unknown) => (compiled ??= compileSerializer(route))(data);
};

function compileSerializer(route: Parameters<FastifySerializerCompiler<unknown>>[0]): (data: unknown) => string {
  const schema = resolveSchema(route.schema);
  if (!schema || !parsesAsItEncodes(schema)) return encodingSerializerCompiler(route as Parameters<typeof encodingSerializerCompiler>[0]);
  const { method, url } = route;
  return (data: unknown) => {
    const result = safeParse(schema, data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
}

/**
 * For a route whose 200 body is built field by field by a typed presenter (the compiler checks it against the
 * schema's inferred type, and the presenter names each field, so nothing undeclared can get in): the 200 body is
 * `JSON.stringify`ed as it is, without checking it again against its schema at every request (for a list of
 * hundreds of rows that check was a large part of the request's cost). The schema stays in the route for OpenAPI,
 * and the route's tests check that the body matches it. Other statuses (errors) keep the checked serialiser.
 */
export const presentedSerializerCompiler: FastifySerializerCompiler<unknown> = (route) =>
  String(route.httpStatus) === '200' ? (data: unknown) => JSON.stringify(data) : serializerCompiler(route);
