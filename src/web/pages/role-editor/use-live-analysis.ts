import { useEffect, useState } from 'react';
import { analyzeJobDescription } from '../../../domain/scoping/analyze-job-description.js';
import type { JobAnalysis } from '../../../domain/scoping/analyze-job-description.js';
import type { Taxonomy } from '../../../domain/taxonomy/taxonomy.js';

export interface LiveAnalysis {
  /** The analysis of the text as it was `debounceMs` ago; null while the text is empty or unreadable. */
  analysis: JobAnalysis | null;
  /** Why there is no analysis, in the analyser's words (empty text is not an error, just nothing yet). */
  problem: string | null;
  /** The text the analysis belongs to; offsets of its matches point into this string. */
  analysedText: string;
  analysedTitle: string;
  /** The taxonomy used (undefined: the built-in one). */
  taxonomy?: Taxonomy;
}

const IDLE: LiveAnalysis = { analysis: null, problem: null, analysedText: '', analysedTitle: '' };

/** Runs the pure analyser in the browser a moment after typing stops (no network, same result as the API). */
export function analyse(title: string, text: string, taxonomy?: Taxonomy): LiveAnalysis {
  if (!text.trim()) return { ...IDLE, analysedTitle: title, taxonomy };
  try {
    return { analysis: analyzeJobDescription({ title, text }, taxonomy), problem: null, analysedText: text, analysedTitle: title, taxonomy };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'The description cannot be analysed.';
    return { analysis: null, problem: message, analysedText: text, analysedTitle: title, taxonomy };
  }
}

/**
 * The live analysis of a title and description, recomputed `debounceMs` after the last change
 * (at once on first render, so a restored draft shows its analysis immediately).
 */
export function useLiveAnalysis(title: string, text: string, taxonomy: Taxonomy | undefined, debounceMs = 150): LiveAnalysis {
  const [result, setResult] = useState<LiveAnalysis>(() => analyse(title, text, taxonomy));
  useEffect(() => {
    if (result.analysedText === text && result.analysedTitle === title && result.taxonomy === taxonomy) return;
    const timer = setTimeout(() => setResult(analyse(title, text, taxonomy)), debounceMs);
    return () => clearTimeout(timer);
    // `result` is deliberately not a dependency: it changes only through this effect.
  }, [title, text, taxonomy, debounceMs]);
  return result;
}
