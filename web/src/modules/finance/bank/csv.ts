/** What the upload form reads of a bank statement before sending it: its header row, to map the columns. */

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/** The header line: the first line after `skipLines` (a BOM dropped). */
export function headerLine(csv: string, skipLines = 0): string {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  return lines[skipLines] ?? '';
}

/** The most frequent of comma, semicolon and tab in the header line (as the API guesses when none is given). */
export function guessDelimiter(header: string): Delimiter {
  let best: Delimiter = ',';
  let most = -1;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** The column names of a header line, quotes honoured ("a;b" is one column) and spaces trimmed. */
export function splitHeader(header: string, delimiter: Delimiter): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i]!;
    if (quoted) {
      if (ch === '"' && header[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(cell.trim());
      cell = '';
    }
    else cell += ch;
  }
  out.push(cell.trim());
  return out.filter((c) => c.length > 0);
}

const GUESSES: Record<'date' | 'amount' | 'reference' | 'payer' | 'description', RegExp> = {
  date: /date|datum|booked|booking|fecha|data/i,
  amount: /amount|bedrag|betrag|montant|importe|value|sum/i,
  reference: /reference|ref|omschrijving|mededeling|verwendungszweck|memo/i,
  payer: /payer|name|naam|counterparty|tegenrekening|from|sender/i,
  description: /description|details|narrative|text/i,
};

/** A first guess of which column is which (a person checks it); each column used once. */
export function guessMapping(columns: string[]): Partial<Record<keyof typeof GUESSES, string>> {
  const used = new Set<string>();
  const mapping: Partial<Record<keyof typeof GUESSES, string>> = {};
  for (const field of ['date', 'amount', 'reference', 'payer', 'description'] as const) {
    const hit = columns.find((c) => !used.has(c) && GUESSES[field].test(c));
    if (hit) {
      mapping[field] = hit;
      used.add(hit);
    }
  }
  return mapping;
}
