import type { Locale } from '../../../kernel/i18n/locale.js';

/**
 * What a statement says, in each language the server speaks: the PDF's words and the monthly
 * e-mail. `{name}` values are filled in by `fill`; every language names the same values
 * (statement.messages.test.ts checks it). `day` writes a calendar day as readers of the
 * language expect (English statements have always shown ISO days).
 */
export interface StatementMessages {
  day: (iso: string) => string;
  title: string;
  nothing: string;
  columns: { date: string; description: string; charges: string; credits: string; balance: string };
  opening: string;
  closing: string;
  closingToPay: string;
  closingInCredit: string;
  questions: string;
  mailTitle: string;
  mailBody: string;
  mailAction: string;
}

export const statementMessages: Record<Locale, StatementMessages> = {
  en: {
    day: (iso) => iso,
    title: 'Statement {from} to {to}',
    nothing: 'No charges or payments in this period, and nothing owed.',
    columns: { date: 'Date', description: 'Description', charges: 'Charges', credits: 'Credits', balance: 'Balance' },
    opening: 'Opening balance',
    closing: 'Closing balance',
    closingToPay: 'Closing balance (to pay)',
    closingInCredit: 'Closing balance (in credit)',
    questions: 'Questions about this statement: {email}',
    mailTitle: 'Your statement for {month}',
    mailBody: 'Your statement from {from} to {to} is ready. Balance at {to}: {owed}. Sign in to download it as a PDF.',
    mailAction: 'See your statement',
  },
  es: {
    day: (iso) => new Intl.DateTimeFormat('es', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
    title: 'Estado de cuenta del {from} al {to}',
    nothing: 'No hay cargos ni pagos en este periodo, y no se adeuda nada.',
    columns: { date: 'Fecha', description: 'Descripción', charges: 'Cargos', credits: 'Abonos', balance: 'Saldo' },
    opening: 'Saldo inicial',
    closing: 'Saldo final',
    closingToPay: 'Saldo final (a pagar)',
    closingInCredit: 'Saldo final (a su favor)',
    questions: 'Preguntas sobre este estado de cuenta: {email}',
    mailTitle: 'Su estado de cuenta de {month}',
    mailBody: 'Su estado de cuenta del {from} al {to} está listo. Saldo al {to}: {owed}. Inicie sesión para descargarlo en PDF.',
    mailAction: 'Ver su estado de cuenta',
  },
};

/** Puts the values into a message (`{name}`); a name without a value stays as it is. */
export const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
