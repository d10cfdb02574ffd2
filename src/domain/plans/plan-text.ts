import { parse as parseYaml } from 'yaml';
import { DomainError } from '../shared/errors.js';

/**
 * Parses a plan's text (YAML 1.2, so JSON too) the same way for `POST /plans/check` and `closer check`:
 * PLAN_INVALID with field `yaml` when the text is empty, does not parse, or is not a mapping.
 * Aliases are capped so a "billion laughs" document cannot blow up memory.
 */
export function parsePlanText(text: string): unknown {
  if (text.trim() === '') throw new DomainError('PLAN_INVALID', 'The plan text is empty.', 'yaml');
  let value: unknown;
  try {
    value = parseYaml(text, { prettyErrors: false, maxAliasCount: 50, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    const at = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new DomainError('PLAN_INVALID', `The plan is not valid YAML${at ? ` (line ${at.line}, column ${at.col})` : ''}: ${first}`, 'yaml');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DomainError('PLAN_INVALID', 'The plan must be a mapping (key: value pairs) at the top level.', 'yaml');
  }
  return value;
}
