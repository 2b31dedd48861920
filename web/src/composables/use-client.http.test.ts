import { describe, expect, it, vi } from 'vitest';
import { LoginDocument, MeDocument, UsersDocument } from '@/graphql/generated/graphql';
import { createGraphQLClient, GraphQLRequestError } from './use-client';

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function makeClient(respond: () => Response | Promise<Response>, token: string | null = 'tok') {
  const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => respond());
  const onUnauthenticated = vi.fn();
  const client = createGraphQLClient({
    url: '/graphql',
    wsUrl: 'ws://test/graphql',
    getToken: () => token,
    onUnauthenticated,
    fetch: fetch as unknown as typeof globalThis.fetch,
  });
  return { client, fetch, onUnauthenticated };
}

describe('GraphQL over HTTP', () => {
  it('posts the operation with the bearer token and returns typed data', async () => {
    const me = {
      id: '1',
      username: 'admin',
      displayName: 'A',
      roles: ['ADMIN'],
      disabled: false,
      sites: [],
      department: null,
    };
    const { client, fetch } = makeClient(() => jsonResponse({ data: { me } }));
    const data = await client.request(MeDocument);
    expect(data.me.username).toBe('admin');

    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
    const body = JSON.parse(String(init?.body)) as { query: string; variables: unknown };
    expect(body.query).toContain('query Me');
    expect(body.variables).toEqual({});
  });

  it('turns GraphQL errors into a coded error with the input field', async () => {
    const { client } = makeClient(() =>
      jsonResponse({
        errors: [{ message: 'taken', extensions: { code: 'CONFLICT', field: 'username' } }],
      }),
    );
    const err = await client.request(UsersDocument).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).code).toBe('CONFLICT');
    expect((err as GraphQLRequestError).field).toBe('username');
  });

  it('ends the session when an authenticated request comes back UNAUTHENTICATED', async () => {
    const { client, onUnauthenticated } = makeClient(() =>
      jsonResponse({
        errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    );
    await expect(client.request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onUnauthenticated).toHaveBeenCalledWith('http');
  });

  it('sends sign-in without a token, and a wrong password does not count as an expired session', async () => {
    const { client, fetch, onUnauthenticated } = makeClient(() =>
      jsonResponse({
        errors: [
          { message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      }),
    );
    await expect(
      client.request(
        LoginDocument,
        { input: { username: 'a', password: 'b' } },
        { anonymous: true },
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(
      (fetch.mock.calls[0][1]?.headers as Record<string, string>).authorization,
    ).toBeUndefined();
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('reports an unreachable server or a non-JSON answer as NETWORK', async () => {
    const down = makeClient(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(down.client.request(MeDocument)).rejects.toMatchObject({ code: 'NETWORK' });
    const proxyError = makeClient(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(proxyError.client.request(MeDocument)).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
