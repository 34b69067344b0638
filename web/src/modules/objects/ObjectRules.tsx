import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { Section } from '../../ui/DetailList.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { TextAreaInput } from '../../ui/more-fields.js';
import { ExpressionCheck } from './ExpressionCheck.js';
import type { ObjectDefinition } from './types.js';

export interface ObjectRule {
  id: string;
  expression: string;
  message: string;
  fields: string[];
}

interface RuleForm {
  expression: string;
  message: string;
  /** The field the message is shown at; '' for the first field the rule reads. */
  field: string;
}

const AUTO = '';

/** Adds a rule, or changes one (`rule`): its expression checked live, its message, the field the message goes to. */
function RuleEditor({ definition, rule, onDone, onCancel }: { definition: ObjectDefinition; rule?: ObjectRule; onDone: (changed: unknown) => void; onCancel?: () => void }) {
  const t = useT();
  const api = useApi();
  const { form, formError, onSubmit } = useApiForm<RuleForm>({ defaultValues: { expression: rule?.expression ?? '', message: rule?.message ?? '', field: rule?.fields[0] ?? AUTO }, idempotent: !rule });
  const expression = useWatch({ control: form.control, name: 'expression' });
  const path = { key: definition.key };
  const submit = onSubmit(
    (v, headers) => {
      const body = { expression: v.expression.trim(), message: v.message.trim(), fields: v.field === AUTO ? [] : [v.field] };
      return rule
        ? api.PATCH('/api/v1/objects/definitions/{key}/rules/{rule}', { params: { path: { ...path, rule: rule.id } }, body })
        : api.POST('/api/v1/objects/definitions/{key}/rules', { headers, params: { path }, body });
    },
    (changed) => {
      if (!rule) form.reset({ expression: '', message: '', field: AUTO });
      onDone(changed);
    },
  );
  const required = { required: t('form.required') };
  const fields = [{ id: AUTO, label: t('objects.rules.fieldAuto') }, ...definition.fields.map((f) => ({ id: f.key, label: f.label }))];
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={rule ? t('objects.rules.save') : t('objects.rules.add')}>
      <TextAreaInput control={form.control} name="expression" label={t('objects.rules.expression')} description={t('objects.rules.expression.help')} rows={2} rules={required} />
      <ExpressionCheck objectKey={definition.key} expression={expression} purpose="rule" />
      <TextInput control={form.control} name="message" label={t('objects.rules.message')} description={t('objects.rules.message.help')} autoComplete="off" rules={required} />
      <SelectInput control={form.control} name="field" label={t('objects.rules.field')} options={fields} />
      {onCancel ? <Button variant="secondary" onPress={onCancel}>{t('objects.rules.cancel')}</Button> : null}
    </ApiForm>
  );
}

/** Settings → Data model → an object: its cross-field rules, each with its message; added, changed and removed here. */
export function ObjectRules({ definition, onChanged }: { definition: ObjectDefinition; onChanged: (changed?: unknown) => void }) {
  const t = useT();
  const api = useApi();
  const [editing, setEditing] = useState<string | null>(null);
  const rules = ((definition as { rules?: ObjectRule[] }).rules ?? []) as ObjectRule[];
  return (
    <Section title={t('objects.rules')}>
      <p className="max-w-prose text-sm text-slate-600">{t('objects.rules.intro')}</p>
      {rules.length === 0 ? <p className="text-sm text-slate-600">{t('objects.rules.none')}</p> : null}
      <ul className="space-y-2">
        {rules.map((r) => (
          <li key={r.id} className="space-y-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
            {editing === r.id ? (
              <RuleEditor definition={definition} rule={r} onDone={(changed) => { setEditing(null); onChanged(changed); }} onCancel={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-center gap-3">
                <code className="text-xs">{r.expression}</code>
                <span>{r.message}</span>
                <span className="ml-auto flex gap-2">
                  <Button variant="secondary" onPress={() => setEditing(r.id)} aria-label={t('objects.rules.editNamed', { message: r.message })}>{t('objects.rules.edit')}</Button>
                  <ConfirmAction
                    label={t('objects.rules.remove')}
                    title={t('objects.rules.remove.title')}
                    description={r.message}
                    run={(headers) => api.DELETE('/api/v1/objects/definitions/{key}/rules/{rule}', { headers, params: { path: { key: definition.key, rule: r.id } } })}
                    onDone={onChanged}
                  />
                </span>
              </div>
            )}
          </li>
        ))}
      </ul>
      <h3 className="text-sm font-semibold">{t('objects.rules.new')}</h3>
      <RuleEditor definition={definition} onDone={onChanged} />
    </Section>
  );
}
