import type { TenantContext } from '../../../kernel/context.js';
import { loadObject } from '../definitions/index.js';
import type { ObjectRecord } from '../objects.schemas.js';
import { cellOf, OWN_COLUMNS } from './records.csv.js';
import type { RecordExportQuery } from './records.io.schemas.js';
import { listRecords, visibleFields } from '../records/index.js';

/** Records an export reads per page of the list it walks. */
const PAGE = 200;

/**
 * An object's records as a table: a header of the record's own members and the field keys the
 * principal may see, then every record the list's filters, sort and `q` match, read page by
 * page through the list itself (same filters, same hidden fields). Cells read back by import.
 */
export async function exportRecords(ctx: TenantContext, key: string, query: RecordExportQuery): Promise<{ header: string[]; rows: unknown[][] }> {
  // Only the list's filters, sort and q: the export pages through everything itself.
  const { bom: _bom, cursor: _cursor, limit: _limit, ...listQuery } = query;
  const object = await loadObject(ctx, key, 'object');
  const fields = visibleFields(ctx, object);
  const rows: unknown[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecords(ctx, key, { ...listQuery, limit: PAGE, ...(cursor ? { cursor } : {}) } as never);
    for (const record of page.data as ObjectRecord[]) {
      rows.push([record.id, record.createdAt, record.updatedAt, record.version, ...fields.map((f) => cellOf(f, record[f.key]))]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { header: [...OWN_COLUMNS, ...fields.map((f) => f.key)], rows };
}
