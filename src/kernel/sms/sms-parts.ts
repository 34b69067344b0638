/**
 * How many SMS a text costs. A text is sent in the GSM 7-bit default alphabet (3GPP TS 23.038,
 * "GSM 03.38") when every character is in its basic set or its extension table, and in UCS-2
 * otherwise. One SMS carries 160 septets or 70 UCS-2 code units; a longer text is split into
 * parts of 153 septets or 67 code units (the rest of each part is the concatenation header),
 * and each part is billed as one SMS.
 */

/** The basic set: one septet each. `\n` and `\r` are in it; the escape (0x1B) is not a character. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: the escape septet and one more, two septets each. `\f` is the page break. */
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

export const SINGLE_GSM = 160;
export const PART_GSM = 153;
export const SINGLE_UCS2 = 70;
export const PART_UCS2 = 67;

export interface SmsParts {
  encoding: 'GSM-7' | 'UCS-2';
  /** Unicode code points (an emoji is one). */
  characters: number;
  /** Septets in GSM-7 (an extension character is two), UTF-16 code units in UCS-2 (a character outside the BMP is two). */
  units: number;
  /** SMS the text is sent (and billed) as; 0 for an empty text. */
  parts: number;
}

/** The text's encoding, size and number of parts, as a handset or Twilio without Smart Encoding counts them. */
export function smsParts(text: string): SmsParts {
  const chars = [...text];
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c));
  // What each character takes; a character is never split between two parts.
  const sizes = gsm ? chars.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1)) : chars.map((c) => c.length);
  const units = sizes.reduce((a, b) => a + b, 0);
  const single = gsm ? SINGLE_GSM : SINGLE_UCS2;
  const part = gsm ? PART_GSM : PART_UCS2;
  let parts = 0;
  if (units > 0 && units <= single) parts = 1;
  else if (units > single) {
    let used = part; // a full part, so that the first character opens part 1
    for (const size of sizes) {
      if (used + size > part) {
        parts++;
        used = 0;
      }
      used += size;
    }
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', characters: chars.length, units, parts };
}
