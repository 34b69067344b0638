/** An automation as the form holds it (texts for lists and values), and the API body it makes. */

export const TRIGGER_TYPES = ['created', 'updated', 'deleted', 'date'] as const;
export const ACTION_TYPES = ['set_field', 'create_record', 'send_mail', 'emit_webhook'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type ActionType = (typeof ACTION_TYPES)[number];

export interface ApiAction {
  type: ActionType;
  field?: string;
  value?: unknown;
  expression?: string;
  object?: string;
  relationField?: string;
  values?: Record<string, { value?: unknown; expression?: string }>;
  to?: string;
  subject?: string;
  body?: string;
  event?: string;
}

export interface ApiAutomation {
  id: string;
  name: string;
  enabled: boolean;
  trigger: { type: TriggerType; fields?: string[]; field?: string; offsetDays?: number };
  condition: string | null;
  actions: ApiAction[];
}

export interface ActionFormValues {
  type: ActionType;
  field: string;
  /** set_field: an expression ('approved' in quotes is a text). */
  expression: string;
  object: string;
  relationField: string;
  /** create_record: one `key = expression` a line. */
  values: string;
  to: string;
  subject: string;
  body: string;
  event: string;
}

export interface AutomationFormValues {
  name: string;
  enabled: boolean;
  trigger: { type: TriggerType; fields: string; field: string; offsetDays: number };
  condition: string;
  actions: ActionFormValues[];
}

export const newAction = (type: ActionType = 'send_mail'): ActionFormValues => ({ type, field: '', expression: '', object: '', relationField: '', values: '', to: '', subject: '', body: '', event: '' });

export const newAutomationDefaults = (): AutomationFormValues => ({ name: '', enabled: true, trigger: { type: 'created', fields: '', field: '', offsetDays: 0 }, condition: '', actions: [newAction()] });

/** A literal as the expression that gives it back: texts quoted, numbers and booleans as they are. */
function literalExpression(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? 'null' : JSON.stringify(value);
}

export function automationFormOf(a: ApiAutomation): AutomationFormValues {
  return {
    name: a.name,
    enabled: a.enabled,
    trigger: { type: a.trigger.type, fields: (a.trigger.fields ?? []).join(', '), field: a.trigger.field ?? '', offsetDays: a.trigger.offsetDays ?? 0 },
    condition: a.condition ?? '',
    actions: a.actions.map((x) => ({
      ...newAction(x.type),
      field: x.field ?? '',
      expression: x.expression ?? (x.value !== undefined ? literalExpression(x.value) : ''),
      object: x.object ?? '',
      relationField: x.relationField ?? '',
      values: Object.entries(x.values ?? {}).map(([k, v]) => `${k} = ${v.expression ?? literalExpression(v.value)}`).join('\n'),
      to: x.to ?? '',
      subject: x.subject ?? '',
      body: x.body ?? '',
      event: x.event ?? '',
    })),
  };
}

const list = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

function actionOf(a: ActionFormValues): ApiAction {
  switch (a.type) {
    case 'set_field':
      return { type: a.type, field: a.field, expression: a.expression.trim() };
    case 'create_record': {
      const values: Record<string, { expression: string }> = {};
      for (const line of a.values.split('\n')) {
        const at = line.indexOf('=');
        if (at > 0) values[line.slice(0, at).trim()] = { expression: line.slice(at + 1).trim() };
      }
      return { type: a.type, object: a.object, relationField: a.relationField.trim(), values };
    }
    case 'send_mail':
      return { type: a.type, to: a.to, subject: a.subject.trim(), body: a.body.trim() };
    case 'emit_webhook':
      return { type: a.type, event: a.event.trim() };
  }
}

/** The API's body: only what the trigger and each action take. */
export function automationBodyOf(v: AutomationFormValues) {
  const t = v.trigger;
  const trigger = t.type === 'updated' ? { type: t.type, ...(list(t.fields).length > 0 ? { fields: list(t.fields) } : {}) } : t.type === 'date' ? { type: t.type, field: t.field, offsetDays: Number(t.offsetDays) || 0 } : { type: t.type };
  return { name: v.name.trim(), enabled: v.enabled, trigger, condition: v.condition.trim() || null, actions: v.actions.map(actionOf) };
}
