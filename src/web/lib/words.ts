/**
 * Words for the ids the API speaks in (stages, specializations, sources), so a page never shows `series-c`,
 * `ml-engineering` or `field-report-figures.json team.firstHire`. Keep the id in a `title` when someone may need it.
 */

const STAGE_WORDS: Readonly<Record<string, string>> = {
  preseed: 'Pre-seed',
  seed: 'Seed',
  'seed-tier1': 'Seed, tier-one investor',
  'series-a': 'Series A',
  'series-b': 'Series B',
  'series-c': 'Series C',
  'series-d': 'Series D',
  'series-e': 'Series E',
  growth: 'Growth',
};

/** "Series C" for `series-c`; an unknown stage is spaced and capitalised rather than shown as an id. */
export function stageWords(stage: string): string {
  return STAGE_WORDS[stage] ?? capitalise(stage.replace(/[-_]/g, ' '));
}

/**
 * The taxonomy's names of the seven specializations, repeated so a page does not load the 35 kB taxonomy for seven
 * names (words.test.ts keeps them equal to data/taxonomy/taxonomy.json).
 */
export const SPECIALIZATION_WORDS: Readonly<Record<string, string>> = {
  'ml-engineering': 'ML engineer (classical)',
  mlops: 'MLOps / ML platform engineer',
  'prompt-engineering': 'Prompt engineer',
  'ai-safety': 'AI safety / alignment researcher',
  'applied-research': 'Applied research scientist',
  'data-engineering': 'Data engineer for AI',
  'ai-product-engineering': 'Full-stack AI engineer',
};

/** "MLOps / ML platform engineer" for `mlops`; a company's own specialization is spaced rather than shown as a key. */
export function specializationWords(key: string): string {
  return SPECIALIZATION_WORDS[key] ?? capitalise(key.replace(/[-_]/g, ' '));
}

/**
 * Where a figure comes from, in a few words: "Field report", "Design assumption", "Closer's playbook", or the
 * publisher of a web source. The full citation (file, key, URL) belongs in a details element beside it.
 * @example sourceWords('field-report-figures.json team.firstHire') // 'Field report'
 */
export function sourceWords(source: string): string {
  const s = source.trim();
  if (/^assumption\b/i.test(s)) return 'Design assumption';
  if (/field[- ]report/i.test(s)) return 'Field report';
  const url = /https?:\/\/(?:www\.)?([^/\s)]+)/.exec(s);
  if (/^[\w.-]+\.md\b/.test(s) || /^shared\/spec\//.test(s)) return "Closer's hiring playbook";
  if (url) return url[1]!;
  const words = s.split(/[(:;]/)[0]!.trim();
  return words.length > 0 && words.length <= 60 && !/\.\w{2,4}\b/.test(words) ? words : 'See the details';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
