import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.js';

// The GraphQL-over-HTTP audit suite (graphql-http) against the real server process.
describe('GraphQL over HTTP audit', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('passes every audit (61 of 61 ok)', async () => {
    const results = await auditServer({ url: `${server.url}/graphql` });
    const notOk = results.filter((r) => r.status !== 'ok').map((r) => `${r.status}: ${r.name}`);
    console.log(`graphql-http audit: ${results.length - notOk.length} ok of ${results.length}`);
    expect(notOk).toEqual([]);
    expect(results.length).toBe(61);
  });
});
