/**
 * An announcement's HTML, rendered and made safe by the server (Markdown without raw HTML), with
 * its headings moved two levels down: a page has one h1, and the announcement's title is an h2.
 */
export const underTitle = (html: string): string => html.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_m, slash: string, level: string) => `<${slash}h${Math.min(Number(level) + 2, 6)}`);
