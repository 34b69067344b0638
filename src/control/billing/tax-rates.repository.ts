import type { Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { BillingTables } from './billing.tables.js';

export interface TaxRate {
  country: string;
  rateBp: number;
  name: string;
}

/** SQL for the tax rate per country (`control.tax_rates`). */
export class TaxRatesRepository {
  private readonly db: Kysely<BillingTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async list(): Promise<TaxRate[]> {
    return this.db.selectFrom('control.taxRates').select(['country', 'rateBp', 'name']).orderBy('country').execute();
  }

  async find(country: string): Promise<TaxRate | undefined> {
    return this.db.selectFrom('control.taxRates').select(['country', 'rateBp', 'name']).where('country', '=', country).executeTakeFirst();
  }

  async put(rate: TaxRate): Promise<TaxRate> {
    return this.db
      .insertInto('control.taxRates')
      .values(rate)
      .onConflict((oc) => oc.column('country').doUpdateSet({ rateBp: rate.rateBp, name: rate.name, updatedAt: new Date() }))
      .returning(['country', 'rateBp', 'name'])
      .executeTakeFirstOrThrow();
  }

  async delete(country: string): Promise<boolean> {
    const r = await this.db.deleteFrom('control.taxRates').where('country', '=', country).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
