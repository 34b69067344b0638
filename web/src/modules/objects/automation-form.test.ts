import { describe, expect, it } from 'vitest';
import { automationBodyOf, automationFormOf, newAction, newAutomationDefaults } from './automation-form.js';

describe('the automation form', () => {
  it('makes the API body with only what the trigger and each action take', () => {
    const v = newAutomationDefaults();
    v.name = ' Remind ';
    v.trigger = { type: 'date', fields: 'ignored', field: 'valid_to', offsetDays: -14 };
    v.actions = [{ ...newAction('send_mail'), to: 'owner', subject: 'Permit {{plate}}', body: 'Renew it.' }, { ...newAction('create_record'), object: 'inspection', relationField: 'permit', values: "due = add_days(valid_to, -7)\nnote = 'first'" }];
    expect(automationBodyOf(v)).toEqual({
      name: 'Remind',
      enabled: true,
      trigger: { type: 'date', field: 'valid_to', offsetDays: -14 },
      condition: null,
      actions: [
        { type: 'send_mail', to: 'owner', subject: 'Permit {{plate}}', body: 'Renew it.' },
        { type: 'create_record', object: 'inspection', relationField: 'permit', values: { due: { expression: 'add_days(valid_to, -7)' }, note: { expression: "'first'" } } },
      ],
    });
  });

  it('reads an automation back, literals as the expressions that give them', () => {
    const form = automationFormOf({ id: 'x', name: 'A', enabled: false, trigger: { type: 'updated', fields: ['status', 'plate'] }, condition: "status = 'new'", actions: [{ type: 'set_field', field: 'status', value: "it's" }] });
    expect(form.trigger.fields).toBe('status, plate');
    expect(form.actions[0]!.expression).toBe("'it''s'");
    expect(automationBodyOf(form).trigger).toEqual({ type: 'updated', fields: ['status', 'plate'] });
  });
});
