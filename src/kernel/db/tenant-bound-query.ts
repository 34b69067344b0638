import pg from 'pg';
import { APP_ROLE, TENANT_SETTING } from './roles.js';

const BIND_TENANT = `SELECT set_config('role', $1, true), set_config('${TENANT_SETTING}', $2, true)`;

// pg's Query and Connection as they are at run time: the typings leave out the protocol
// methods a Submittable uses (pg-cursor and pg-query-stream use them the same way).
interface ProtocolConnection {
  submittedNamedStatements: Record<string, string>;
  parse(config: { text: string; name: string; types: number[] }): void;
  bind(config: { portal: string; statement: string; values: unknown[] }): void;
  execute(config: { portal: string; rows: number }): void;
}
interface QueryInternals {
  name?: string;
  text: string;
  hasBeenParsed(connection: ProtocolConnection): boolean;
  requiresPreparation(): boolean;
  prepare(connection: ProtocolConnection): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: ProtocolConnection): void;
}
type QueryCallback = (error: Error | null, result: pg.QueryResult) => void;
const QueryBase = pg.Query as unknown as new (config: { text: string; name?: string }, values: unknown[], callback: QueryCallback) => pg.Query & QueryInternals;

/**
 * The first query of a tenant transaction, carrying its own preamble: `BEGIN` and the
 * `set_config` of role and tenant travel ahead of the query in the same write, before one
 * Sync, so that the three cost a single round trip.
 *
 * Safety rests on the protocol: after an error the server skips every message up to Sync, so
 * the query never runs unless the role and tenant were set before it. The preamble's own
 * results (two command completions and one row) are not the caller's and are dropped.
 */
export class TenantBoundQuery extends QueryBase {
  #preamble = 2;

  constructor(private readonly tenantId: string, query: { text: string; name?: string }, values: unknown[], callback: QueryCallback) {
    super(query, values, callback);
  }

  // Always the extended protocol, even for a query without parameters: the preamble needs it.
  override requiresPreparation(): boolean {
    return true;
  }

  override prepare(connection: ProtocolConnection): void {
    // A named statement not yet prepared on this connection is parsed first: pg marks it
    // prepared at the batch's first ParseComplete, which must then be its own. (Parsed before
    // the role is set is fine: PostgreSQL replans a statement under row-level security when
    // it runs as another role.)
    if (this.name && !this.hasBeenParsed(connection)) {
      connection.parse({ text: this.text, name: this.name, types: [] });
      connection.submittedNamedStatements[this.name] = this.text;
    }
    connection.parse({ text: 'BEGIN', name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: [] });
    connection.execute({ portal: '', rows: 0 });
    connection.parse({ text: BIND_TENANT, name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: [APP_ROLE, this.tenantId] });
    connection.execute({ portal: '', rows: 0 });
    super.prepare(connection);
  }

  override handleDataRow(message: unknown): void {
    if (this.#preamble === 0) super.handleDataRow(message);
  }

  override handleCommandComplete(message: unknown, connection: ProtocolConnection): void {
    // BEGIN's and set_config's completions come first; a Parse alone completes no command.
    if (this.#preamble > 0) {
      this.#preamble--;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}
