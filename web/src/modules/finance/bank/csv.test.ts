import { describe, expect, it } from 'vitest';
import { guessDelimiter, guessMapping, headerLine, splitHeader } from './csv.js';

describe('reading a statement’s header row', () => {
  it('finds the header, its delimiter and its columns', () => {
    const csv = '\uFEFFAccount 123\r\nDatum;Bedrag;"Omschrijving; vrij";Naam\r\n03/01/2025;120,00;Levy;A LOVELACE\r\n';
    const header = headerLine(csv, 1);
    expect(guessDelimiter(header)).toBe(';');
    expect(splitHeader(header, ';')).toEqual(['Datum', 'Bedrag', 'Omschrijving; vrij', 'Naam']);
    expect(guessDelimiter('date\tamount\treference')).toBe('\t');
    expect(splitHeader(' date , amount ,"say ""hi"""', ',')).toEqual(['date', 'amount', 'say "hi"']);
  });

  it('guesses which column is which, each once', () => {
    expect(guessMapping(['Date', 'Amount', 'Reference', 'Payer'])).toEqual({ date: 'Date', amount: 'Amount', reference: 'Reference', payer: 'Payer' });
    expect(guessMapping(['Datum', 'Bedrag', 'Omschrijving', 'Naam'])).toEqual({ date: 'Datum', amount: 'Bedrag', reference: 'Omschrijving', payer: 'Naam' });
  });
});
