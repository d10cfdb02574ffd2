// The words for the two ranges an offer is held against, in one place, so no page can mix them up:
// - the market's range for a funding stage (data/compensation/stage-bands.json, from the field report): a benchmark
//   that raises a warning (comp.below-stage-band) but never decides anything;
// - the band the board approved for this role (role settings): inside it an offer is approved at once, outside it the
//   approvers decide.
// Pure and free of zod and data files: the web imports it.

/** Which range: the market's for a funding stage, or the role's board-approved band. */
export type BandKind = { kind: 'market'; stage: string } | { kind: 'board' };

export type BandPlace = 'below' | 'inside' | 'above' | 'outside';

const STAGE_WORDS: Record<string, string> = {
  preseed: 'pre-seed',
  seed: 'seed-stage',
  'seed-tier1': 'seed-stage (tier-one investor)',
  'series-a': 'Series A',
  'series-b': 'Series B',
  'series-c': 'Series C',
  growth: 'growth-stage',
};

/** "the market's seed-stage range" or "the band the board approved for this role". */
export function bandName(band: BandKind): string {
  if (band.kind === 'board') return 'the band the board approved for this role';
  return `the market's ${STAGE_WORDS[band.stage] ?? band.stage.replace(/[-_]/g, ' ')} range`;
}

/** "below the market's seed-stage range", "inside the band the board approved for this role". */
export function bandPlacement(place: BandPlace, band: BandKind): string {
  return `${place} ${bandName(band)}`;
}

/** The same with a capital letter, to start a line or a sentence. */
export function bandPlacementSentence(place: BandPlace, band: BandKind): string {
  const words = bandPlacement(place, band);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "180,000–220,000 USD" or "300,000+ USD": a range with an en dash, the top open when there is none. */
export function rangeWords(min: string, max: string | null, unit = ''): string {
  return `${min}${max === null ? '+' : `–${max}`}${unit ? ` ${unit}` : ''}`;
}
