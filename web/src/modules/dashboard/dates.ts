/** `2026-12-05`: a local calendar date as the API takes it. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The last `n` calendar months up to today's, oldest first: each from its first day to its last (today for this month). */
export function lastMonths(today: Date, n: number): { from: string; to: string }[] {
  const months: { from: string; to: string }[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const first = new Date(today.getFullYear(), today.getMonth() - i, 1);
    const last = i === 0 ? today : new Date(today.getFullYear(), today.getMonth() - i + 1, 0);
    months.push({ from: isoDate(first), to: isoDate(last) });
  }
  return months;
}

/** Counts a list page by page, stopping at `limit` (the API has no counts): `more` when there are more. */
export async function countUpTo(limit: number, page: (cursor: string | undefined) => Promise<{ data: unknown[]; nextCursor: string | null }>): Promise<{ count: number; more: boolean }> {
  let count = 0;
  let cursor: string | undefined;
  for (;;) {
    const p = await page(cursor);
    count += p.data.length;
    if (!p.nextCursor) return { count, more: false };
    if (count >= limit) return { count, more: true };
    cursor = p.nextCursor;
  }
}
