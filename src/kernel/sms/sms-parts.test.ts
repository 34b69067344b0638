import { describe, expect, it } from 'vitest';
import { smsParts } from './sms-parts.js';

const a = (n: number) => 'a'.repeat(n);
const ñ = (n: number) => 'ж'.repeat(n); // Cyrillic: not in GSM 03.38, one UTF-16 unit each

describe('smsParts', () => {
  it('counts nothing in an empty text', () => {
    expect(smsParts('')).toEqual({ encoding: 'GSM-7', characters: 0, units: 0, parts: 0 });
  });

  it('fits 160 GSM characters in one SMS and splits 161 into parts of 153', () => {
    expect(smsParts(a(160))).toEqual({ encoding: 'GSM-7', characters: 160, units: 160, parts: 1 });
    expect(smsParts(a(161))).toEqual({ encoding: 'GSM-7', characters: 161, units: 161, parts: 2 });
    expect(smsParts(a(306)).parts).toBe(2);
    expect(smsParts(a(307)).parts).toBe(3);
    expect(smsParts(a(1530)).parts).toBe(10);
  });

  it('keeps the GSM basic set in GSM-7: accents it has, Greek capitals, @, £, newlines', () => {
    const text = 'Ça coûte £5 @ Åsa: ΔΦΓ ¿¡ äöñüà\r\n§';
    expect(smsParts('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà').encoding).toBe('GSM-7');
    // û is not in the basic set: the whole text goes in UCS-2.
    expect(smsParts(text).encoding).toBe('UCS-2');
    expect(smsParts(text.replace('û', 'u')).encoding).toBe('GSM-7');
  });

  it('counts the extension table (^{}\\[~]|€ and form feed) as two septets', () => {
    for (const c of ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f']) expect(smsParts(c), c).toEqual({ encoding: 'GSM-7', characters: 1, units: 2, parts: 1 });
    expect(smsParts('€'.repeat(80))).toMatchObject({ units: 160, parts: 1 });
    expect(smsParts('€'.repeat(81))).toMatchObject({ units: 162, parts: 2 });
  });

  it('never splits an extension character across two parts', () => {
    // 306 septets would fill two parts of 153 exactly, but the € cannot straddle the first
    // boundary (152 + 2 > 153): it opens part 2, which then spills one septet into part 3.
    expect(smsParts(`${a(152)}€${a(152)}`)).toEqual({ encoding: 'GSM-7', characters: 305, units: 306, parts: 3 });
    expect(smsParts(`${a(151)}€${a(153)}`)).toMatchObject({ units: 306, parts: 2 });
  });

  it('fits 70 UCS-2 characters in one SMS and splits 71 into parts of 67', () => {
    expect(smsParts(ñ(70))).toEqual({ encoding: 'UCS-2', characters: 70, units: 70, parts: 1 });
    expect(smsParts(ñ(71))).toEqual({ encoding: 'UCS-2', characters: 71, units: 71, parts: 2 });
    expect(smsParts(ñ(134)).parts).toBe(2);
    expect(smsParts(ñ(135)).parts).toBe(3);
    // One non-GSM character turns a 100-character text into 2 parts of UCS-2.
    expect(smsParts(`${a(99)}ж`)).toMatchObject({ encoding: 'UCS-2', units: 100, parts: 2 });
  });

  it('counts an emoji as one character and two UTF-16 units, and never splits it', () => {
    expect(smsParts('😀')).toEqual({ encoding: 'UCS-2', characters: 1, units: 2, parts: 1 });
    expect(smsParts('😀'.repeat(35))).toMatchObject({ characters: 35, units: 70, parts: 1 });
    expect(smsParts('😀'.repeat(36))).toMatchObject({ characters: 36, units: 72, parts: 2 });
    // 134 units would fit two parts of 67, but the emoji cannot straddle the boundary.
    expect(smsParts(`${a(66)}😀${a(66)}`)).toEqual({ encoding: 'UCS-2', characters: 133, units: 134, parts: 3 });
    expect(smsParts(`${a(65)}😀${a(67)}`)).toMatchObject({ units: 134, parts: 2 });
  });

  it('counts € in a UCS-2 text as one unit like any other character', () => {
    expect(smsParts('€ж')).toEqual({ encoding: 'UCS-2', characters: 2, units: 2, parts: 1 });
  });
});
