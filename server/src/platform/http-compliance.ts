import type { NextFunction, Request, Response } from 'express';

// Request errors that GraphQL-over-HTTP says a legacy `application/json` response SHOULD
// answer with 200 (the errors are in the body); Apollo answers 400. Kept at 400 for
// `application/graphql-response+json`, where the spec wants 4xx.
const OK_IN_LEGACY_JSON = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

export function graphqlOverHttpCompliance(_req: Request, res: Response, next: NextFunction) {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const type = String(res.getHeader('content-type') ?? '');
    if (res.statusCode === 400 && type.startsWith('application/json') && typeof body === 'string') {
      try {
        const parsed = JSON.parse(body) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
        const codes = parsed.errors?.map((e) => e.extensions?.code) ?? [];
        if (codes.length && codes.every((c) => c && OK_IN_LEGACY_JSON.has(c))) res.status(200);
      } catch {
        // Not JSON: leave Apollo's answer alone.
      }
    }
    return send(body);
  };
  next();
}

/** A request body that is not JSON gets a GraphQL-shaped 400, not Express's HTML page. */
export function jsonBodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction) {
  const e = err as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed' || e?.type === 'entity.too.large') {
    res.status(e.status ?? 400).json({
      errors: [{ message: e.type === 'entity.too.large' ? 'Request too large' : 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    return;
  }
  next(err);
}
