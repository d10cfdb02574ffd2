// A streaming reader for the JSON files vendors export: a top-level array of records, or an object whose `results` /
// `data` (or another named) array holds them, read record by record from string chunks. Only one record is ever held
// as text, so a file of hundreds of megabytes needs memory for its largest record, not for the file. Faults become
// problems with the file and the line where the record starts; the reader never throws on bad input.
import type { ImportFile, ImportProblem } from './canonical.js';

export interface JsonRecord {
  value: unknown;
  /** 1-based line where the record starts. */
  line: number;
  /** 0-based position of the record in its array. */
  index: number;
  /** The top-level key whose array holds the record; undefined for a top-level array. */
  key?: string;
}

export interface JsonReadOptions {
  /** Keys of a top-level object whose array is read record by record. Default: `results` and `data`. */
  recordKeys?: (key: string) => boolean;
  /** A record longer than this is reported and skipped (default 64 MiB of text). */
  maxRecordChars?: number;
  /** A top-level value outside the record arrays longer than this is not kept in `meta` (default 64 KiB). */
  maxMetaChars?: number;
}

export interface JsonReadSummary {
  /** The other top-level fields of an object file (`success`, `errors`, `nextCursor`...), when small. */
  meta: Record<string, unknown>;
  records: number;
  problems: ImportProblem[];
}

const DEFAULT_RECORD_KEYS = (key: string): boolean => key === 'results' || key === 'data';

// Scanner states.
const enum S {
  Start,
  ArrayExpectValue, // after `[` or `,` inside a record array
  ArrayAfterValue,
  ObjExpectKey, // after `{` or `,` at the top level
  ObjKey,
  ObjExpectColon,
  ObjExpectValue,
  ObjAfterValue,
  Value, // capturing a value (a record or a meta value)
  End,
  Stopped,
}

const WS = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** Reads a JSON file record by record, calling `onRecord` for each; returns the top-level meta and the problems. */
export async function readJsonRecords(
  file: ImportFile,
  onRecord: (record: JsonRecord) => void,
  options: JsonReadOptions = {},
): Promise<JsonReadSummary> {
  const reader = new JsonRecordScanner(file.name, onRecord, options);
  try {
    for await (const chunk of file.chunks()) {
      reader.push(chunk);
      if (reader.stopped) break;
    }
  } catch (error) {
    reader.fail(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return reader.finish();
}

/** The scanner behind `readJsonRecords`, usable directly with `push(chunk)` and `finish()`. */
export class JsonRecordScanner {
  private state: S = S.Start;
  private line = 1;
  private started = false;
  private readonly problems: ImportProblem[] = [];
  private readonly meta: Record<string, unknown> = {};
  private records = 0;
  private index = 0;
  private topIsObject = false;
  private currentKey: string | undefined;
  private readonly recordKeys: (key: string) => boolean;
  private readonly maxRecordChars: number;
  private readonly maxMetaChars: number;
  // Capture of the current value (a record, a meta value or a key).
  private parts: string[] = [];
  private partsLength = 0;
  private captureStartLine = 1;
  private captureIsRecord = false;
  private overflow = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  private keyParts: string[] = [];
  private keyEscaped = false;

  constructor(
    private readonly fileName: string,
    private readonly onRecord: (record: JsonRecord) => void,
    options: JsonReadOptions,
  ) {
    this.recordKeys = options.recordKeys ?? DEFAULT_RECORD_KEYS;
    this.maxRecordChars = options.maxRecordChars ?? 64 * 1024 * 1024;
    this.maxMetaChars = options.maxMetaChars ?? 64 * 1024;
  }

  get stopped(): boolean {
    return this.state === S.Stopped;
  }

  fail(message: string, line = this.line): void {
    this.problems.push({ severity: 'error', code: 'malformed-json', message, file: this.fileName, line });
    this.state = S.Stopped;
  }

  push(chunk: string): void {
    if (this.state === S.Stopped) return;
    let i = 0;
    const n = chunk.length;
    if (!this.started && n > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    let captureFrom = this.state === S.Value ? 0 : -1;
    let keyFrom = this.state === S.ObjKey ? 0 : -1;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case S.Value: {
          // Fast path inside strings: jump to the next quote or backslash.
          if (this.inString) {
            if (this.escaped) {
              this.escaped = false;
            } else if (c === 92) {
              this.escaped = true;
            } else if (c === 34) {
              this.inString = false;
              if (this.scalar && this.depth === 0) {
                this.endCapture(chunk, captureFrom, i + 1);
                captureFrom = -1;
              }
            } else if (c === 10) {
              this.line++;
            }
            i++;
            continue;
          }
          if (c === 34) {
            this.inString = true;
            i++;
            continue;
          }
          if (this.scalar && this.depth === 0) {
            if (c === 44 || c === 93 || c === 125 || WS(c)) {
              this.endCapture(chunk, captureFrom, i);
              captureFrom = -1;
              continue; // the delimiter is handled by the state the capture returned to
            }
            i++;
            continue;
          }
          if (c === 123 || c === 91) this.depth++;
          else if (c === 125 || c === 93) {
            this.depth--;
            if (this.depth === 0) {
              this.endCapture(chunk, captureFrom, i + 1);
              captureFrom = -1;
            }
          } else if (c === 10) this.line++;
          i++;
          continue;
        }
        case S.ObjKey: {
          if (this.keyEscaped) this.keyEscaped = false;
          else if (c === 92) this.keyEscaped = true;
          else if (c === 34) {
            this.keyParts.push(chunk.slice(keyFrom, i));
            keyFrom = -1;
            const raw = this.keyParts.join('');
            this.keyParts = [];
            try {
              this.currentKey = JSON.parse(`"${raw}"`) as string;
            } catch {
              this.fail('A key of the top-level object is not valid JSON text.');
              return;
            }
            this.state = S.ObjExpectColon;
          } else if (c === 10) {
            this.fail('A key of the top-level object runs past the end of its line.');
            return;
          }
          i++;
          continue;
        }
        default:
          break;
      }
      if (WS(c)) {
        if (c === 10) this.line++;
        i++;
        continue;
      }
      switch (this.state) {
        case S.Start:
          if (c === 91) {
            this.state = S.ArrayExpectValue;
            this.index = 0;
          } else if (c === 123) {
            this.topIsObject = true;
            this.state = S.ObjExpectKey;
          } else {
            this.fail('The file is not JSON: it should start with [ or {.');
            return;
          }
          i++;
          break;
        case S.ArrayExpectValue:
        case S.ArrayAfterValue:
          if (c === 93) {
            this.state = this.topIsObject ? S.ObjAfterValue : S.End;
            i++;
          } else if (c === 44 && this.state === S.ArrayAfterValue) {
            this.state = S.ArrayExpectValue;
            i++;
          } else if (this.state === S.ArrayExpectValue && c !== 44) {
            this.beginCapture(c, true);
            captureFrom = i;
            // The opening character is consumed by the capture state on the next turn.
          } else {
            this.fail(`Unexpected "${String.fromCharCode(c)}" between records.`);
            return;
          }
          break;
        case S.ObjExpectKey:
          if (c === 34) {
            this.state = S.ObjKey;
            keyFrom = i + 1;
            this.keyParts = [];
          } else if (c === 125 && Object.keys(this.meta).length === 0 && this.currentKey === undefined) {
            this.state = S.End;
          } else {
            this.fail(`Expected a key in the top-level object, found "${String.fromCharCode(c)}".`);
            return;
          }
          i++;
          break;
        case S.ObjExpectColon:
          if (c !== 58) {
            this.fail(`Expected ":" after the key "${this.currentKey ?? ''}".`);
            return;
          }
          this.state = S.ObjExpectValue;
          i++;
          break;
        case S.ObjExpectValue:
          if (c === 91 && this.currentKey !== undefined && this.recordKeys(this.currentKey)) {
            this.state = S.ArrayExpectValue;
            this.index = 0;
            i++;
          } else {
            this.beginCapture(c, false);
            captureFrom = i;
          }
          break;
        case S.ObjAfterValue:
          if (c === 44) this.state = S.ObjExpectKey;
          else if (c === 125) this.state = S.End;
          else {
            this.fail(`Unexpected "${String.fromCharCode(c)}" after the value of "${this.currentKey ?? ''}".`);
            return;
          }
          i++;
          break;
        case S.End:
          this.fail('There is more text after the end of the JSON document.');
          return;
        default:
          i++;
      }
    }
    if (captureFrom >= 0 && this.state === S.Value) this.appendPart(chunk.slice(captureFrom));
    if (keyFrom >= 0 && this.state === S.ObjKey) this.keyParts.push(chunk.slice(keyFrom));
  }

  finish(): JsonReadSummary {
    if (this.state === S.Start) {
      this.problems.push({ severity: 'warning', code: 'empty-file', message: 'The file is empty.', file: this.fileName });
    } else if (this.state === S.Value && this.scalar && this.depth === 0 && !this.inString) {
      this.endCapture('', -1, 0);
    }
    if (this.state !== S.End && this.state !== S.Stopped && this.state !== S.Start) {
      const where = this.state === S.Value ? this.captureStartLine : this.line;
      const what = this.state === S.Value && this.captureIsRecord ? 'inside a record' : 'before the JSON document is complete';
      this.problems.push({ severity: 'error', code: 'malformed-json', message: `The file ends ${what} (cut short?).`, file: this.fileName, line: where });
    }
    this.state = S.Stopped;
    return { meta: this.meta, records: this.records, problems: this.problems };
  }

  private beginCapture(c: number, isRecord: boolean): void {
    this.state = S.Value;
    this.parts = [];
    this.partsLength = 0;
    this.overflow = false;
    this.captureStartLine = this.line;
    this.captureIsRecord = isRecord;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    // A string or a number ends at depth 0 (a string at its closing quote); an object or array when it closes.
    this.scalar = !(c === 123 || c === 91);
  }

  private appendPart(text: string): void {
    if (this.overflow) return;
    const max = this.captureIsRecord ? this.maxRecordChars : this.maxMetaChars;
    if (this.partsLength + text.length > max) {
      this.overflow = true;
      this.parts = [];
      return;
    }
    this.parts.push(text);
    this.partsLength += text.length;
  }

  private endCapture(chunk: string, from: number, to: number): void {
    if (from >= 0) this.appendPart(chunk.slice(from, to));
    const isRecord = this.captureIsRecord;
    this.state = isRecord ? S.ArrayAfterValue : S.ObjAfterValue;
    const line = this.captureStartLine;
    const text = this.overflow ? undefined : this.parts.join('');
    this.parts = [];
    this.partsLength = 0;
    if (isRecord) {
      const index = this.index++;
      if (text === undefined) {
        this.problems.push({ severity: 'error', code: 'record-too-large', message: `Record ${index + 1} is larger than ${this.maxRecordChars} characters and was skipped.`, file: this.fileName, line });
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        this.problems.push({ severity: 'error', code: 'malformed-json', message: `Record ${index + 1} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, file: this.fileName, line });
        return;
      }
      this.records++;
      this.onRecord(this.currentKey !== undefined && this.topIsObject ? { value, line, index, key: this.currentKey } : { value, line, index });
      return;
    }
    if (text === undefined || this.currentKey === undefined) return;
    try {
      this.meta[this.currentKey] = JSON.parse(text);
    } catch (error) {
      this.problems.push({ severity: 'error', code: 'malformed-json', message: `The value of "${this.currentKey}" is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, file: this.fileName, line });
    }
  }
}
