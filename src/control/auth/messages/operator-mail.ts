import type { Locale } from '../../../kernel/i18n/locale.js';

/**
 * The console's password-reset e-mail in each language the server speaks. `{name}`, `{link}`
 * and `{until}` are filled in when it is sent (the HTML ones escaped); every language names
 * the same values (operator-mail.test.ts checks it).
 */
export interface OperatorResetMail {
  from: string;
  subject: string;
  text: string;
  html: string;
}

export const operatorResetMail: Record<Locale, OperatorResetMail> = {
  en: {
    from: 'Courtyard console',
    subject: 'Reset your Courtyard console password',
    text: 'Hello {name},\n\nSomeone asked to reset the password of your Courtyard console account. Choose a new one here:\n{link}\n\nThe link works once and expires on {until}. If you did not ask for this, ignore this message: your password stays as it is.\n',
    html: '<p>Hello {name},</p><p>Someone asked to reset the password of your Courtyard console account.</p><p><a href="{link}">Choose a new password</a></p><p>The link works once and expires on {until}. If you did not ask for this, ignore this message: your password stays as it is.</p>',
  },
  es: {
    from: 'Consola de Courtyard',
    subject: 'Restablezca su contraseña de la consola de Courtyard',
    text: 'Hola, {name}:\n\nAlguien ha pedido restablecer la contraseña de su cuenta de la consola de Courtyard. Elija una nueva aquí:\n{link}\n\nEl enlace funciona una sola vez y caduca el {until}. Si no lo pidió usted, ignore este mensaje: su contraseña sigue siendo la misma.\n',
    html: '<p>Hola, {name}:</p><p>Alguien ha pedido restablecer la contraseña de su cuenta de la consola de Courtyard.</p><p><a href="{link}">Elegir una contraseña nueva</a></p><p>El enlace funciona una sola vez y caduca el {until}. Si no lo pidió usted, ignore este mensaje: su contraseña sigue siendo la misma.</p>',
  },
};

/** Puts the values into a message of the catalogue (`escape` for its HTML part). */
export const fill = (template: string, values: Record<string, string>, escape: (text: string) => string = (t) => t): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? escape(values[name]!) : whole));
