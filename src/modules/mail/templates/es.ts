import type { MailKind } from '../../../kernel/mail/queue.js';
import { button, type TemplateParts } from './parts.js';

/**
 * The default templates in Spanish (usted), for a recipient whose locale is `es`: the same
 * kinds and the same variables as the English ones (templates.test.ts checks it). A tenant's
 * own template, where it has one, is sent as the tenant wrote it, in any language.
 */
const supportLine = '{{#tenant.supportEmail}}\n\n¿Tiene preguntas? Escriba a {{tenant.supportEmail}}.{{/tenant.supportEmail}}';

export const defaults: Record<MailKind, TemplateParts> = {
  invitation: {
    subject: 'Le invitan a {{tenant.name}}',
    text: [
      'Hola, {{recipient.name}}:',
      '',
      '{{#inviterName}}{{inviterName}} le ha invitado{{/inviterName}}{{^inviterName}}Le han invitado{{/inviterName}} a unirse a {{tenant.name}}.',
      '',
      'Elija su contraseña para aceptar la invitación:',
      '{{acceptUrl}}',
      '',
      `El enlace funciona una sola vez y caduca el {{expiresAt}}.${supportLine}`,
      '',
    ].join('\n'),
    html: [
      '<p>Hola, {{recipient.name}}:</p>',
      '<p>{{#inviterName}}{{inviterName}} le ha invitado{{/inviterName}}{{^inviterName}}Le han invitado{{/inviterName}} a unirse a <strong>{{tenant.name}}</strong>.</p>',
      button('acceptUrl', 'Aceptar la invitación'),
      '<p style="color:#52606d;font-size:14px">El enlace funciona una sola vez y caduca el {{expiresAt}}. Si el botón no funciona, abra esta dirección: {{acceptUrl}}</p>',
    ].join('\n'),
  },
  password_reset: {
    subject: 'Restablezca su contraseña de {{tenant.name}}',
    text: [
      'Hola, {{recipient.name}}:',
      '',
      'Alguien ha pedido restablecer la contraseña de su cuenta de {{tenant.name}}. Elija una nueva aquí:',
      '{{resetUrl}}',
      '',
      `El enlace funciona una sola vez y caduca el {{expiresAt}}. Si no lo pidió usted, ignore este mensaje: su contraseña sigue siendo la misma.${supportLine}`,
      '',
    ].join('\n'),
    html: [
      '<p>Hola, {{recipient.name}}:</p>',
      '<p>Alguien ha pedido restablecer la contraseña de su cuenta de <strong>{{tenant.name}}</strong>.</p>',
      button('resetUrl', 'Elegir una contraseña nueva'),
      '<p style="color:#52606d;font-size:14px">El enlace funciona una sola vez y caduca el {{expiresAt}}. Si no lo pidió usted, ignore este mensaje: su contraseña sigue siendo la misma.</p>',
    ].join('\n'),
  },
  notification: {
    subject: '{{title}}',
    text: ['Hola, {{recipient.name}}:', '', '{{body}}', '{{#actionUrl}}', '', '{{actionLabel}}: {{actionUrl}}{{/actionUrl}}', supportLine.trimStart(), ''].join('\n'),
    html: [
      '<p>Hola, {{recipient.name}}:</p>',
      '<p style="white-space:pre-line">{{body}}</p>',
      `{{#actionUrl}}${button('actionUrl', '{{actionLabel}}')}{{/actionUrl}}`,
    ].join('\n'),
  },
  announcement: {
    subject: '{{title}}',
    text: ['{{title}}', '', '{{bodyText}}', supportLine.trimStart(), '', '--', 'Para no recibir más avisos como este por correo: {{unsubscribeUrl}}', ''].join('\n'),
    html: [
      '<h1 style="font-size:20px;margin:0 0 16px">{{title}}</h1>',
      '{{{bodyHtml}}}',
      '<p style="margin-top:28px;font-size:13px;color:#7b8794"><a href="{{unsubscribeUrl}}" style="color:#7b8794">Darse de baja</a> de estos correos.</p>',
      '{{#openUrl}}<img src="{{openUrl}}" width="1" height="1" alt="" style="display:block;border:0">{{/openUrl}}',
    ].join('\n'),
  },
};

/** The label of a notice's link when its module gives none. */
export const openLabel = 'Abrir';
