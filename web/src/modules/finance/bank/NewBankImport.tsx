import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { useApi } from '../../../api/session.js';
import { useT } from '../../../i18n/intl.js';
import { SelectInput, TextInput } from '../../../ui/fields.js';
import { ApiForm, useApiForm } from '../../../ui/form.js';
import { NumberInput } from '../../../ui/more-fields.js';
import { Page } from '../../../ui/Page.js';
import { guessDelimiter, guessMapping, headerLine, splitHeader, type Delimiter } from './csv.js';

const NONE = '__none__';
const AUTO = 'auto';

interface Values {
  skipLines: number | null;
  delimiter: Delimiter | typeof AUTO;
  currency: string;
  dateFormat: 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY';
  decimalSeparator: '.' | ',';
  mapping: { date: string; amount: string; reference: string; payer: string; description: string };
}

/** Upload a bank statement (CSV): choose the file, map its columns, and the API proposes who paid each credit. */
export function NewBankImport() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { form, formError, onSubmit } = useApiForm<Values>({
    defaultValues: { skipLines: 0, delimiter: AUTO, currency: 'EUR', dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', mapping: { date: '', amount: '', reference: '', payer: NONE, description: NONE } },
    idempotent: true,
  });
  const [skipLines, delimiter] = useWatch({ control: form.control, name: ['skipLines', 'delimiter'] });
  const header = file ? headerLine(file.csv, skipLines ?? 0) : '';
  const columns = header ? splitHeader(header, delimiter === AUTO ? guessDelimiter(header) : delimiter) : [];
  const columnOptions = columns.map((c) => ({ id: c, label: c }));
  const optional = [{ id: NONE, label: t('finance.bank.noColumn') }, ...columnOptions];

  async function choose(list: FileList | null) {
    setFileError(null);
    const chosen = list?.[0];
    if (!chosen) return setFile(null);
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    const guess = guessMapping(splitHeader(headerLine(csv, form.getValues('skipLines') ?? 0), guessDelimiter(headerLine(csv, form.getValues('skipLines') ?? 0))));
    form.setValue('mapping', { date: guess.date ?? '', amount: guess.amount ?? '', reference: guess.reference ?? '', payer: guess.payer ?? NONE, description: guess.description ?? NONE });
  }

  const submit = onSubmit(
    (v, headers) => {
      return api.POST('/api/v1/finance/bank-imports', {
        headers,
        body: {
          csv: file?.csv ?? '',
          filename: file?.name,
          currency: v.currency.trim().toUpperCase(),
          dateFormat: v.dateFormat,
          decimalSeparator: v.decimalSeparator,
          skipLines: v.skipLines ?? 0,
          ...(v.delimiter === AUTO ? {} : { delimiter: v.delimiter }),
          mapping: {
            date: v.mapping.date,
            amount: v.mapping.amount,
            reference: v.mapping.reference,
            ...(v.mapping.payer !== NONE ? { payer: v.mapping.payer } : {}),
            ...(v.mapping.description !== NONE ? { description: v.mapping.description } : {}),
          },
        },
      });
    },
    (created) => {
      void queries.invalidateQueries({ queryKey: ['finance', 'bank-imports'] });
      void navigate({ to: '/finance/bank-imports/$importId', params: { importId: created.id } });
    },
  );
  const send = (event?: React.BaseSyntheticEvent) => {
    if (file) return submit(event);
    event?.preventDefault();
    setFileError(t('finance.bank.chooseFile'));
    document.getElementById(fileId)?.focus();
    return Promise.resolve();
  };
  const required = { required: t('form.required') };
  return (
    <Page title={t('finance.bank.newImport')} actions={<Link to="/finance/bank-imports">{t('finance.bank.imports')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={send} submitLabel={t('finance.bank.upload')}>
        <div className="block">
          <label htmlFor={fileId} className="text-sm font-medium text-slate-700">{t('finance.bank.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby={`${fileId}-hint`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => void choose(e.currentTarget.files)}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
          <span id={`${fileId}-hint`} className="mt-1 block text-xs text-slate-500">{t('finance.bank.fileHint')}</span>
          {fileError ? <span role="alert" className="mt-1 block text-sm text-red-700">{fileError}</span> : null}
        </div>
        <NumberInput control={form.control} name="skipLines" label={t('finance.bank.skipLines')} description={t('finance.bank.skipLinesHint')} minValue={0} step={1} />
        <SelectInput
          control={form.control}
          name="delimiter"
          label={t('finance.bank.delimiter')}
          options={[
            { id: AUTO, label: t('finance.bank.delimiter.auto') },
            { id: ',', label: t('finance.bank.delimiter.comma') },
            { id: ';', label: t('finance.bank.delimiter.semicolon') },
            { id: '\t', label: t('finance.bank.delimiter.tab') },
          ]}
        />
        {file ? (
          <fieldset className="space-y-4 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium text-slate-700">{t('finance.bank.mapping')}</legend>
            {columns.length === 0 ? <p className="text-sm text-red-700">{t('finance.bank.noHeader')}</p> : null}
            <SelectInput control={form.control} name="mapping.date" label={t('finance.bank.column.date')} options={columnOptions} rules={required} />
            <SelectInput control={form.control} name="mapping.amount" label={t('finance.bank.column.amount')} options={columnOptions} rules={required} />
            <SelectInput control={form.control} name="mapping.reference" label={t('finance.bank.column.reference')} options={columnOptions} rules={required} />
            <SelectInput control={form.control} name="mapping.payer" label={t('finance.bank.column.payer')} options={optional} />
            <SelectInput control={form.control} name="mapping.description" label={t('finance.bank.column.description')} options={optional} />
          </fieldset>
        ) : null}
        <SelectInput
          control={form.control}
          name="dateFormat"
          label={t('finance.bank.dateFormat')}
          options={(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const).map((f) => ({ id: f, label: f }))}
        />
        <SelectInput
          control={form.control}
          name="decimalSeparator"
          label={t('finance.bank.decimalSeparator')}
          options={[
            { id: '.', label: t('finance.bank.decimal.point') },
            { id: ',', label: t('finance.bank.decimal.comma') },
          ]}
        />
        <TextInput control={form.control} name="currency" label={t('finance.bank.currency')} autoComplete="off" rules={{ ...required, pattern: { value: /^[A-Za-z]{3}$/, message: t('finance.billing.currencyFormat') } }} />
      </ApiForm>
    </Page>
  );
}
