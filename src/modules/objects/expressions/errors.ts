/**
 * The errors of the expression language. A code is a promise to the objects module and its
 * API clients (it maps them to problem details): never rename one. Each error carries the
 * values its message is built from (`params`), so the module can say it in another language
 * (`messageIn`), and where in the source it lies.
 */

export type ExpressionErrorCode =
  | 'expression.too_long'
  | 'expression.too_deep'
  | 'expression.too_complex'
  | 'expression.syntax'
  | 'expression.number_out_of_range'
  | 'expression.unknown_field'
  | 'expression.unknown_function'
  | 'expression.arity'
  | 'expression.type_mismatch'
  | 'expression.unknown_option'
  | 'expression.currency_mismatch'
  | 'expression.invalid_date'
  | 'expression.invalid_currency'
  | 'expression.not_a_relation'
  | 'expression.to_many_outside_aggregate'
  | 'expression.relation_too_deep'
  | 'expression.result_type'
  | 'expression.out_of_range'
  | 'expression.text_too_long'
  | 'expression.invalid_value'
  | 'expression.cycle';

/** Where an error lies: offsets into the source (end exclusive), and the 1-based line and column of the start. */
export interface SourcePosition {
  start: number;
  end: number;
  line: number;
  column: number;
}

export type ErrorParams = Readonly<Record<string, string | number>>;

const en: Record<ExpressionErrorCode, string> = {
  'expression.too_long': 'The expression is {length} characters long; the most is {max}.',
  'expression.too_deep': 'The expression is nested more than {max} levels deep.',
  'expression.too_complex': 'The expression has more than {max} parts.',
  'expression.syntax': 'Unexpected {found}; expected {expected}.',
  'expression.number_out_of_range': 'The number {text} is out of range: numbers go up to {max} either way.',
  'expression.unknown_field': 'There is no field "{field}" on {object}.',
  'expression.unknown_function': 'There is no function "{name}".',
  'expression.arity': '{name}() takes {expected} arguments, not {count}.',
  'expression.type_mismatch': '{what} needs {expected}, not {found}.',
  'expression.unknown_option': '"{option}" is not an option of {field}; the options are {options}.',
  'expression.currency_mismatch': 'Amounts in {left} and {right} cannot be combined.',
  'expression.invalid_date': '"{text}" is not a date (write YYYY-MM-DD, between 0001-01-01 and 9999-12-31).',
  'expression.invalid_currency': '"{code}" is not a currency code (three capital letters, such as EUR).',
  'expression.not_a_relation': '"{field}" is not a relation, so it has no fields to read after the dot.',
  'expression.to_many_outside_aggregate': '"{field}" holds many records: read it through count(), sum(), min() or max().',
  'expression.relation_too_deep': 'An expression follows at most {max} relations in a row.',
  'expression.result_type': 'The expression gives {found}; {what} needs {expected}.',
  'expression.out_of_range': 'The result is out of range ({what}).',
  'expression.text_too_long': 'The text would be longer than {max} characters.',
  'expression.invalid_value': 'The value of "{field}" is not a valid {expected}.',
  'expression.cycle': 'These formulas depend on each other in a circle: {fields}.',
};

const es: Record<ExpressionErrorCode, string> = {
  'expression.too_long': 'La expresión tiene {length} caracteres; el máximo es {max}.',
  'expression.too_deep': 'La expresión anida más de {max} niveles.',
  'expression.too_complex': 'La expresión tiene más de {max} partes.',
  'expression.syntax': 'No se esperaba {found}; se esperaba {expected}.',
  'expression.number_out_of_range': 'El número {text} está fuera de rango: los números llegan hasta {max} en ambos sentidos.',
  'expression.unknown_field': 'No hay ningún campo «{field}» en {object}.',
  'expression.unknown_function': 'No hay ninguna función «{name}».',
  'expression.arity': '{name}() admite {expected} argumentos, no {count}.',
  'expression.type_mismatch': '{what} necesita {expected}, no {found}.',
  'expression.unknown_option': '«{option}» no es una opción de {field}; las opciones son {options}.',
  'expression.currency_mismatch': 'No se pueden combinar importes en {left} y en {right}.',
  'expression.invalid_date': '«{text}» no es una fecha (escriba AAAA-MM-DD, entre 0001-01-01 y 9999-12-31).',
  'expression.invalid_currency': '«{code}» no es un código de moneda (tres letras mayúsculas, como EUR).',
  'expression.not_a_relation': '«{field}» no es una relación, así que no tiene campos que leer tras el punto.',
  'expression.to_many_outside_aggregate': '«{field}» contiene varios registros: léalo con count(), sum(), min() o max().',
  'expression.relation_too_deep': 'Una expresión sigue como mucho {max} relaciones seguidas.',
  'expression.result_type': 'La expresión da {found}; {what} necesita {expected}.',
  'expression.out_of_range': 'El resultado está fuera de rango ({what}).',
  'expression.text_too_long': 'El texto tendría más de {max} caracteres.',
  'expression.invalid_value': 'El valor de «{field}» no es un {expected} válido.',
  'expression.cycle': 'Estas fórmulas dependen unas de otras en círculo: {fields}.',
};

const tables = { en, es } as const;
export type MessageLocale = keyof typeof tables;

function interpolate(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The message of an error in `locale` (English or Spanish). Params are inserted as given: the module translates type names with describeType. */
export function messageIn(error: Pick<ExpressionError, 'code' | 'params'>, locale: MessageLocale = 'en'): string {
  return interpolate(tables[locale][error.code], error.params);
}

/** The 1-based line and column of `offset` in `source`. */
export function positionOf(source: string, start: number, end: number = start): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < start && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { start, end, line, column: start - lineStart + 1 };
}

/**
 * The one error type the language throws or returns: parsing, checking and evaluating never
 * let anything else out (a fuzzer holds the parser to it).
 */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';

  constructor(
    readonly code: ExpressionErrorCode,
    readonly params: ErrorParams,
    /** Null only for errors about the whole expression with no source at hand (a cycle between formulas). */
    readonly position: SourcePosition | null,
  ) {
    super(interpolate(en[code], params));
  }

  toJSON() {
    return { code: this.code, message: this.message, params: this.params, position: this.position };
  }
}

/** An error at offsets `start`..`end` of `source`. */
export function errorAt(source: string, start: number, end: number, code: ExpressionErrorCode, params: ErrorParams = {}): ExpressionError {
  return new ExpressionError(code, params, positionOf(source, start, end));
}
