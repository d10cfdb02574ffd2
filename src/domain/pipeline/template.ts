const compiled = new Map<string, readonly string[]>();

/** Splits a template once into literal text at even indexes and placeholder names at odd ones. */
function parts(template: string): readonly string[] {
  let out = compiled.get(template);
  if (!out) {
    out = template.split(/\{(\w+)\}/);
    if (compiled.size > 1_000) compiled.clear();
    compiled.set(template, out);
  }
  return out;
}

/**
 * Fills `{name}` placeholders, asking `lookup` only for the names the template uses; unknown placeholders stay
 * as they are so a typo in data is visible, not silent.
 */
export function renderTemplate(template: string, lookup: (name: string) => string | undefined): string {
  const p = parts(template);
  let out = p[0]!;
  for (let i = 1; i < p.length; i += 2) out += (lookup(p[i]!) ?? `{${p[i]}}`) + p[i + 1]!;
  return out;
}

/** renderTemplate with a plain record of values. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return renderTemplate(template, (name) => (Object.hasOwn(values, name) ? values[name] : undefined));
}
