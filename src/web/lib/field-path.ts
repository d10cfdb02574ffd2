/** Normalises the API's `field` ("/owner/email", "owner[email]", "owner.email") to a dotted path. */
export function normaliseFieldPath(field: string): string {
  return field
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/**
 * Finds which of a form's fields an API error names: the exact path first, else a unique last segment
 * (so "email" matches "owner.email" when the form has only one e-mail).
 * @example matchField('owner.email', ['company.name', 'owner.email']) === 'owner.email'
 */
export function matchField(apiField: string | undefined, formFields: readonly string[]): string | undefined {
  if (!apiField) return undefined;
  const wanted = normaliseFieldPath(apiField);
  const exact = formFields.find((name) => normaliseFieldPath(name) === wanted);
  if (exact) return exact;
  const leaf = wanted.split('.').pop();
  const byLeaf = formFields.filter((name) => normaliseFieldPath(name).split('.').pop() === leaf);
  if (byLeaf.length === 1) return byLeaf[0];
  // A deeper path ("owner.email.domain") belongs to the closest form field that prefixes it.
  const prefixed = formFields
    .filter((name) => wanted.startsWith(`${normaliseFieldPath(name)}.`))
    .sort((a, b) => b.length - a.length);
  return prefixed[0];
}
