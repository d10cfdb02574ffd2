import type { Seniority, Taxonomy } from '../taxonomy/index.js';
import { analyzeJobDescription, type JobAnalysis } from './analyze-job-description.js';

/** One labelled posting: what a person decided the analyser should say. */
export interface LabelledPosting {
  id: string;
  title: string;
  text: string;
  labels: {
    core: string[];
    primary: string | null;
    spansTooMany: boolean;
    isAiRole: boolean;
    seniority: Seniority;
  };
}

/** Per-posting comparison, for reading where the analyser and the labels disagree. */
export interface PostingComparison {
  id: string;
  expected: LabelledPosting['labels'];
  actual: Pick<JobAnalysis, 'core' | 'primary' | 'spansTooMany' | 'isAiRole' | 'seniority'>;
  falsePositives: string[];
  falseNegatives: string[];
}

/** Quality figures of taxonomy.md: precision/recall of core, accuracy of primary, spansTooMany, isAiRole and seniority. */
export interface AnalyzerMetrics {
  postings: number;
  core: { precision: number; recall: number; f1: number; truePositives: number; falsePositives: number; falseNegatives: number };
  primaryAccuracy: number;
  spansTooManyAccuracy: number;
  isAiRoleAccuracy: number;
  seniorityAccuracy: number;
  comparisons: PostingComparison[];
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : Math.round((n / d) * 1000) / 1000;
}

/** Runs the analyser over labelled postings and measures it against the labels (micro-averaged over core labels). */
export function evaluateAnalyzer(postings: readonly LabelledPosting[], taxonomy?: Taxonomy): AnalyzerMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let primary = 0;
  let spans = 0;
  let ai = 0;
  let seniority = 0;
  const comparisons: PostingComparison[] = [];
  for (const p of postings) {
    const a = analyzeJobDescription({ title: p.title, text: p.text }, taxonomy);
    const expected = new Set(p.labels.core);
    const actual = new Set(a.core);
    const falsePositives = a.core.filter((k) => !expected.has(k));
    const falseNegatives = p.labels.core.filter((k) => !actual.has(k));
    tp += a.core.length - falsePositives.length;
    fp += falsePositives.length;
    fn += falseNegatives.length;
    if (a.primary === p.labels.primary) primary += 1;
    if (a.spansTooMany === p.labels.spansTooMany) spans += 1;
    if (a.isAiRole === p.labels.isAiRole) ai += 1;
    if (a.seniority === p.labels.seniority) seniority += 1;
    comparisons.push({
      id: p.id,
      expected: p.labels,
      actual: { core: a.core, primary: a.primary, spansTooMany: a.spansTooMany, isAiRole: a.isAiRole, seniority: a.seniority },
      falsePositives,
      falseNegatives,
    });
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    postings: postings.length,
    core: {
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : Math.round(((2 * precision * recall) / (precision + recall)) * 1000) / 1000,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
    },
    primaryAccuracy: ratio(primary, postings.length),
    spansTooManyAccuracy: ratio(spans, postings.length),
    isAiRoleAccuracy: ratio(ai, postings.length),
    seniorityAccuracy: ratio(seniority, postings.length),
    comparisons,
  };
}
