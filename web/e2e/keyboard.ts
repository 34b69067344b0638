import type { Page } from 'playwright-core';

/** The accessible name of the focused element, as far as a test needs it: its label, aria-label or text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return '';
    const labelledBy = el.getAttribute('aria-labelledby');
    const byId = labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    return (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? (byId || el.textContent) ?? '').trim();
  });

/** Presses Tab until the element named `name` has the focus, as a keyboard user would. */
export async function tabTo(page: Page, name: string, max = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (focused === name) return;
    seen.push(focused);
  }
  throw new Error(`"${name}" cannot be reached with Tab; focus went through: ${seen.join(' | ')}`);
}
