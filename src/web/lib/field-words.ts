/**
 * A field name from the audit log in words: camelCase split, a trailing "Id" dropped, path steps joined by "›".
 * @example fieldWords('hiringManagerId') // 'hiring manager'
 * @example fieldWords('bands.series-a.baseMin') // 'bands › series a › base min'
 */
export function fieldWords(field: string): string {
  return field
    .split('.')
    .map((step) =>
      step
        .replace(/Ids?$/, (m) => (m === 'Ids' ? 's' : ''))
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/[-_]+/g, ' ')
        .toLowerCase()
        .trim(),
    )
    .filter(Boolean)
    .join(' › ');
}
