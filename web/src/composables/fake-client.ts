import { shallowRef } from 'vue';
import { vi } from 'vitest';
import type { ConnectionState, Document, GraphQLClient } from './use-client';

type Handler = (variables: unknown) => unknown;

/**
 * A GraphQL client for store and component tests: answers each operation (by name) with
 * its handler, records calls, and counts connect/disconnect.
 */
export function fakeClient(handlers: Record<string, Handler> = {}) {
  const state = shallowRef<ConnectionState>('idle');
  const failedAttempts = shallowRef(0);
  const calls: Array<{ operation: string; variables: unknown }> = [];
  const request = vi.fn(async (document: Document<unknown, unknown>, variables?: unknown) => {
    const operation =
      /(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString())?.[1] ?? '?';
    calls.push({ operation, variables });
    const handler = handlers[operation];
    if (!handler) throw new Error(`fakeClient: no handler for ${operation}`);
    return handler(variables);
  });
  const client: GraphQLClient = {
    state,
    failedAttempts,
    request: request as unknown as GraphQLClient['request'],
    subscribe: vi.fn(() => () => undefined),
    onReconnected: vi.fn(() => () => undefined),
    connect: vi.fn(() => {
      state.value = 'connected';
    }),
    disconnect: vi.fn(() => {
      state.value = 'idle';
    }),
    retryNow: vi.fn(),
  };
  return { client, calls, handlers };
}
