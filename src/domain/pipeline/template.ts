/** Fills `{name}` placeholders; unknown placeholders stay as they are so a typo in data is visible, not silent. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole));
}
