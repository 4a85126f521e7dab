/**
 * Fills `{name}` placeholders from `values`. Internal: every template of the package is
 * filled through here, and a test checks that no placeholder is left unfilled.
 */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
