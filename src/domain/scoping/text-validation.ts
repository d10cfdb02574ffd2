import limitsData from '../../../data/scoping/text-limits.json' with { type: 'json' };
import { DomainError } from '../shared/errors.js';

/** Plain numbers of data/scoping/text-limits.json. */
export interface TextLimits {
  maxBytes: number;
  maxTitleChars: number;
  minWords: number;
  minLetterShare: number;
  maxControlShare: number;
  minVowelWordShare: number;
  minLatinWordsForVowelCheck: number;
  maxMeanWordLength: number;
  minDistinctLetters: number;
  longTokenChars: number;
  maxLongTokenShare: number;
}

export const DEFAULT_TEXT_LIMITS: TextLimits = Object.freeze({
  maxBytes: limitsData.maxBytes.value,
  maxTitleChars: limitsData.maxTitleChars.value,
  minWords: limitsData.minWords.value,
  minLetterShare: limitsData.minLetterShare.value,
  maxControlShare: limitsData.maxControlShare.value,
  minVowelWordShare: limitsData.minVowelWordShare.value,
  minLatinWordsForVowelCheck: limitsData.minLatinWordsForVowelCheck.value,
  maxMeanWordLength: limitsData.maxMeanWordLength.value,
  minDistinctLetters: limitsData.minDistinctLetters.value,
  longTokenChars: limitsData.longTokenChars.value,
  maxLongTokenShare: limitsData.maxLongTokenShare.value,
});

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LETTER = /\p{L}/gu;
const WORDS = /\p{L}{2,}/gu;

/**
 * Checks that a job description is usable text. Throws DomainError (field 'text'):
 * TEXT_EMPTY, TEXT_TOO_LARGE (over 100 KB of UTF-8), or TEXT_UNRECOGNISED (binary, symbols, no words).
 */
export function assertRecognisableText(text: string, limits: TextLimits = DEFAULT_TEXT_LIMITS): void {
  if (text.trim().length === 0) throw new DomainError('TEXT_EMPTY', 'The job description is empty.', 'text');
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > limits.maxBytes) {
    throw new DomainError('TEXT_TOO_LARGE', `The job description is ${bytes} bytes; the limit is ${limits.maxBytes} (100 KB).`, 'text');
  }
  const why = unrecognisedReason(text, limits);
  if (why) throw new DomainError('TEXT_UNRECOGNISED', `The job description is not in a recognisable form: ${why}.`, 'text');
}

/** Why a non-empty text is not a description, or undefined when it reads as text. */
export function unrecognisedReason(text: string, limits: TextLimits = DEFAULT_TEXT_LIMITS): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'it contains broken characters (lone surrogates)';
  const nonSpace = text.replace(/\s+/g, '');
  const control = (text.match(CONTROL) ?? []).length;
  if (control / nonSpace.length > limits.maxControlShare) return 'it contains control or replacement characters, as binary data does';
  const letters = text.match(LETTER) ?? [];
  if (letters.length / nonSpace.length < limits.minLetterShare) return 'it is mostly digits and symbols, not words';
  const longRuns = text.split(/\s+/).filter((run) => run.length > limits.longTokenChars);
  if (longRuns.reduce((sum, run) => sum + run.length, 0) / nonSpace.length > limits.maxLongTokenShare) {
    return 'it is one long run of characters (encoded data?), not words';
  }
  const words = text.match(WORDS) ?? [];
  if (words.length < limits.minWords) return 'it has no words';
  const meanLength = words.reduce((sum, w) => sum + w.length, 0) / words.length;
  if (meanLength > limits.maxMeanWordLength) return 'its "words" are too long to be language (encoded data?)';
  const latin = words.filter((w) => /^[A-Za-z]+$/.test(w));
  if (latin.length >= limits.minLatinWordsForVowelCheck) {
    const withVowel = latin.filter((w) => /[aeiouy]/i.test(w)).length;
    if (withVowel / latin.length < limits.minVowelWordShare) return 'its words have no vowels (random characters?)';
  }
  if (letters.length > 20 && new Set(letters.map((l) => l.toLowerCase())).size < limits.minDistinctLetters) {
    return 'it repeats a handful of letters';
  }
  return undefined;
}
