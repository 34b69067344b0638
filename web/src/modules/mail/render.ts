/** Sample values for a template's variables (the names GET /api/v1/mail/templates lists). */
export function sampleData(variables: string[], tenant: { name: string; url: string }): Record<string, string> {
  const known: Record<string, string> = {
    'recipient.name': 'Ada Lovelace',
    'recipient.email': 'ada@example.com',
    'tenant.name': tenant.name,
    'tenant.url': tenant.url,
    'tenant.supportEmail': 'support@example.com',
    acceptUrl: `${tenant.url}/accept-invitation#token=sample`,
    resetUrl: `${tenant.url}/reset-password#token=sample`,
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    inviterName: 'Grace Hopper',
  };
  return Object.fromEntries(variables.map((v) => [v, known[v] ?? `[${v}]`]));
}

/**
 * A Mustache template's text with sample values, for a preview: `{{name}}` (and `{{{name}}}`,
 * `{{& name}}`) become the value, a section `{{#name}}…{{/name}}` shows its content when the
 * value is set, an inverted one `{{^name}}…{{/name}}` when it is not, comments go. The result
 * is plain text: the page shows it as text (React escapes it), never as HTML.
 */
export function renderSample(template: string, data: Record<string, string>): string {
  const value = (name: string) => data[name.trim()] ?? '';
  let out = template.replace(/\{\{!([\s\S]*?)\}\}/g, '');
  for (let i = 0; i < 10; i++) {
    const next = out.replace(/\{\{([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g, (_m, kind: string, name: string, inner: string) => ((kind === '#') === Boolean(value(name)) ? inner : ''));
    if (next === out) break;
    out = next;
  }
  return out.replace(/\{\{\{\s*([\w.]+)\s*\}\}\}|\{\{&?\s*([\w.]+)\s*\}\}/g, (_m, a: string | undefined, b: string | undefined) => value(a ?? b ?? ''));
}
