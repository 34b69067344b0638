import { describe, expect, it, vi } from 'vitest';
import type { CourtyardClient } from '@courtyard/sdk';
import { batchedLabel } from './labels.js';

const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });

describe('batchedLabel', () => {
  it('asks for the labels of one turn in one request per target, and answers each id (null when it names nothing)', async () => {
    const GET = vi.fn(async (_path: string, init: { params: { query: { target: string; ids: string } } }) => {
      const { target, ids } = init.params.query;
      return ok({ data: ids.split(',').filter((id) => id !== 'gone').map((id) => ({ id, label: `${target} ${id}` })) });
    });
    const api = { GET } as unknown as CourtyardClient;
    const answers = await Promise.all([batchedLabel(api, 'member', 'a'), batchedLabel(api, 'member', 'b'), batchedLabel(api, 'member', 'a'), batchedLabel(api, 'unit', 'u'), batchedLabel(api, 'member', 'gone')]);
    expect(answers).toEqual([{ id: 'a', label: 'member a' }, { id: 'b', label: 'member b' }, { id: 'a', label: 'member a' }, { id: 'u', label: 'unit u' }, null]);
    expect(GET).toHaveBeenCalledTimes(2);
    expect(GET.mock.calls.map((c) => c[1].params.query)).toEqual([{ target: 'member', ids: 'a,b,gone' }, { target: 'unit', ids: 'u' }]);
  });

  it('splits more than 100 ids into requests of 100, and rejects the askers when the request fails', async () => {
    const GET = vi.fn(async () => ok({ data: [] }));
    const api = { GET } as unknown as CourtyardClient;
    await Promise.all(Array.from({ length: 150 }, (_, i) => batchedLabel(api, 'bike', `id${i}`)));
    expect(GET).toHaveBeenCalledTimes(2);
    const failing = { GET: vi.fn(async () => ({ error: { code: 'permission_denied', status: 403 }, response: new Response(null, { status: 403 }) })) } as unknown as CourtyardClient;
    await expect(batchedLabel(failing, 'lease', 'x')).rejects.toThrow();
  });
});
