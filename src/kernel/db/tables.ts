import { CamelCasePlugin, sql, type Kysely, type PluginTransformResultArgs, type QueryResult, type RawBuilder, type UnknownRow } from 'kysely';

/**
 * A database or tenant transaction as the kernel hands it out: no tables at all. A module sees
 * its own tables through `tablesOf`, so that naming another module's table is a type error.
 */
export type Db = Kysely<unknown>;

/**
 * SQL says snake_case and TypeScript camelCase; the plugin maps both ways, so a repository
 * returns its rows as they come. The names are a bounded set (the code's own identifiers and
 * aliases), so each is converted once. jsonb values keep their keys: they are data, not columns.
 */
class CamelCase extends CamelCasePlugin {
  readonly #snake = new Map<string, string>();
  readonly #camel = new Map<string, string>();

  constructor() {
    super({ maintainNestedObjectKeys: true });
  }

  protected override snakeCase(name: string): string {
    return remembered(this.#snake, name, (n) => super.snakeCase(n));
  }

  protected override camelCase(name: string): string {
    return remembered(this.#camel, name, (n) => super.camelCase(n));
  }

  /**
   * What the plugin's own does with nested keys kept (rename each row's columns), with the
   * names converted once per result instead of once per row and field, and no copy at all
   * when no column needs renaming: a page of 50 rows was a new object and ten lookups a row.
   */
  override async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const { rows } = args.result;
    if (!Array.isArray(rows) || rows.length === 0) return args.result;
    // Every row of a result has the result's columns, in the same order.
    const columns = Object.keys(rows[0]!);
    const names = columns.map((c) => this.camelCase(c));
    if (names.every((name, i) => name === columns[i])) return args.result;
    const renamed = rows.map((row) => {
      const out: UnknownRow = {};
      for (let i = 0; i < columns.length; i++) out[names[i]!] = row[columns[i]!];
      return out;
    });
    return { ...args.result, rows: renamed };
  }
}

const MAX_NAMES = 10_000;

function remembered(cache: Map<string, string>, name: string, convert: (name: string) => string): string {
  let converted = cache.get(name);
  if (converted === undefined) {
    converted = convert(name);
    if (cache.size < MAX_NAMES) cache.set(name, converted);
  }
  return converted;
}

const camelCase = new CamelCase();
// A transaction's Kysely lives as long as its pooled connection, so each connection wraps once.
const wrapped = new WeakMap<Db, Db>();
const wrappers = new WeakSet<Db>();

/**
 * `db` seen through the tables `T` (camelCase, as their `*.tables.ts` declares them). The one
 * place that narrows a database to a table set: the type a repository may name is what its
 * module owns (and the kernel's tables), nothing more.
 */
export function tablesOf<T>(db: Db): Kysely<T> {
  // The cast is the whole of the mechanism: `T` exists only in the types.
  if (wrappers.has(db)) return db as unknown as Kysely<T>;
  let typed = wrapped.get(db);
  if (!typed) {
    typed = db.withPlugin(camelCase);
    wrapped.set(db, typed);
    wrappers.add(typed);
  }
  return typed as unknown as Kysely<T>;
}

/**
 * `= ANY(ids)` for a batch of uuids: one parameter however many, so the statement's text (and
 * its prepared plan) is the same for every batch size and no batch meets the bind limit.
 */
export function anyUuid(ids: Iterable<string>): RawBuilder<string> {
  return sql<string>`ANY(${[...new Set(ids)]}::uuid[])`;
}
