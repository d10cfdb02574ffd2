// The parser for each import source. The service looks a source up here; a source without a parser cannot be chosen.
import type { ImportParser, ImportSystem } from './canonical.js';
import { parseAshby } from './ashby.js';
import { parseCloser } from './closer.js';
import { parseGreenhouse } from './greenhouse.js';
import { parseLever } from './lever.js';

export const IMPORT_PARSERS: Partial<Record<ImportSystem, ImportParser>> = {
  greenhouse: parseGreenhouse,
  lever: parseLever,
  ashby: parseAshby,
  closer: parseCloser,
};
