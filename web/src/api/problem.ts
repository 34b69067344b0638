import type { Problem } from '@courtyard/sdk';

/** A refusal of the API (its problem document), thrown by `unwrap` so that queries fail with it. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** The answer of an openapi-fetch call, or its problem thrown as an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) throw new ApiError(asProblem(result.error, result.response));
  return result.data as T;
}

/** Whatever came back as a problem document; a proxy's HTML error page becomes one too. */
export function asProblem(error: unknown, response: Response): Problem {
  const e = error as Partial<Problem> | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string') return e as Problem;
  return { type: 'about:blank', title: response.statusText, status: response.status, detail: response.statusText, instance: response.url, code: 'http_error', requestId: '' };
}
