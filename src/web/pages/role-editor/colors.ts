// One colour per specialization, shared by the highlighted text, the legend and the score chart. Colour is
// never the only signal: highlights also carry the legend number and a title, the legend and table name them.
const PALETTE: Record<string, string> = {
  'ml-engineering': '#4e79a7',
  mlops: '#f28e2b',
  'prompt-engineering': '#b07aa1',
  'ai-safety': '#59a14f',
  'applied-research': '#c9a227',
  'data-engineering': '#3f9f98',
  'ai-product-engineering': '#e0607e',
};
const EXTRA = ['#9c755f', '#7f7f7f', '#5f6fb0'];

/** The colour of a specialization; company-added keys get stable extra colours. */
export function specializationColor(key: string, order: readonly string[] = []): string {
  if (PALETTE[key]) return PALETTE[key];
  const extras = order.filter((k) => !PALETTE[k]);
  const i = extras.indexOf(key);
  return EXTRA[(i === -1 ? 0 : i) % EXTRA.length];
}
