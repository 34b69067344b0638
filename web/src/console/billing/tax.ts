/** Tax rates as the API keeps them (basis points: 2100 is 21 %) and as an operator types them (21, 7.5). */

/** A percentage typed (`21`, `7.5`, `7,5`, `21 %`) as basis points, or null when it is not one from 0 to 100 with at most two decimals. */
export function percentToBp(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{0,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** Basis points as a percentage by locale: 2100 is "21%", 750 "7.5%". */
export function formatRate(bp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** A country code as typed (`es`) as the API takes it (`ES`), or null when it is not two letters. */
export function countryCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}
