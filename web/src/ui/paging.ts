/** The search of a list page as it lives in the URL: the text searched and the page's cursor. */
export interface ListSearch {
  q?: string;
  cursor?: string;
}

/** Reads a list's search from the URL, dropping what is not text (a hand-edited address). */
export function listSearch(raw: Record<string, unknown>): ListSearch {
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined);
  return { q: text(raw.q)?.slice(0, 100), cursor: text(raw.cursor) };
}
