/**
 * Values of properties and units that JSON Schema cannot check alone: country codes and exact
 * decimals. Shares and areas never pass through floating point on their way to the database.
 */

// ISO 3166-1 alpha-2, the officially assigned codes. The database only checks the form
// (two capitals), so "XX" would otherwise pass.
const COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

export const isCountry = (code: string): boolean => COUNTRIES.has(code);

/** `12.50` → `12.5`, `1.000` → `1`, `007` → `7`: the form the API answers with. */
function canonical(int: string, frac: string): string {
  const i = int.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

/**
 * A non-negative decimal given as a JSON number or a string, as an exact decimal string with at
 * most `scale` decimals, or null when it has more (or is not a plain decimal). A number is taken
 * at the shortest decimal that reads back as it (what JSON had: `0.1` is 0.1, not 0.1000…0055).
 */
export function exactDecimal(value: string | number, scale: number): string | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    text = String(value);
    // Tiny numbers print in exponent form; at `scale` decimals they are either exact or too fine.
    if (/e/i.test(text)) {
      const fixed = value.toFixed(scale);
      if (Number(fixed) !== value) return null;
      text = fixed;
    }
  } else {
    text = value.trim();
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const frac = (match[2] ?? '').replace(/0+$/, '');
  if (frac.length > scale) return null;
  return canonical(match[1]!, frac);
}

/** Per mille to a fraction of 1, exactly: `125` → `0.125`, `333.333333` → `0.333333333`. */
export function perMilleToShare(perMille: string): string {
  const [int = '0', frac = ''] = perMille.split('.');
  const padded = int.padStart(4, '0');
  return canonical(padded.slice(0, -3), padded.slice(-3) + frac);
}

/** A share in [0, 1] (a canonical decimal from `exactDecimal`). */
export const isShare = (decimal: string): boolean => /^(0(\.\d+)?|1)$/.test(decimal);

/** Per mille in [0, 1000]. */
export const isPerMille = (decimal: string): boolean => /^(\d{1,3}(\.\d+)?|1000)$/.test(decimal);
