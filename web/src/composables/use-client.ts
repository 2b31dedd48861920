import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  createClient as createWsClient,
  type Client as WsClient,
  type ClientOptions,
} from 'graphql-ws';
import { readonly, shallowRef, type Ref } from 'vue';

/**
 * The app's one GraphQL client: HTTP POST for queries and mutations, graphql-ws for
 * subscriptions, both carrying the session token.
 *
 * The socket reconnects by itself after any drop, waiting `backoffDelay(attempt)` between
 * tries (exponential, capped, with jitter so a room of wall screens does not reconnect in
 * step). A close with 4403 (token missing, bad, expired or revoked) is never retried: it
 * means the session is over, so the client tells `onUnauthenticated` and stops. The same
 * happens when an HTTP answer says UNAUTHENTICATED. After a reconnect, `onReconnected`
 * listeners run so live views refetch what they may have missed while the socket was down.
 */

/** What the header's indicator shows. `idle`: no socket because nobody is signed in. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Close code the server uses for a missing, bad or expired token. */
export const CLOSE_FORBIDDEN = 4403;

export type Document<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
};

export interface GraphQLErrorInfo {
  message: string;
  code: string;
  field?: string;
  reason?: string;
  /** TOO_MANY_REQUESTS: when a new attempt may work. */
  retryAfterSeconds?: number;
}

/** A failed request: the GraphQL errors of the answer, or NETWORK when there was none. */
export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorInfo[];
  constructor(errors: GraphQLErrorInfo[]) {
    super(errors.map((e) => e.message).join('; ') || 'Request failed');
    this.name = 'GraphQLRequestError';
    this.errors = errors.length ? errors : [{ message: 'Request failed', code: 'NETWORK' }];
  }
  get code(): string {
    return this.errors[0].code;
  }
  get field(): string | undefined {
    return this.errors.find((e) => e.field)?.field;
  }
  get reason(): string | undefined {
    return this.errors.find((e) => e.reason)?.reason;
  }
  get retryAfterSeconds(): number | undefined {
    return this.errors.find((e) => e.retryAfterSeconds !== undefined)?.retryAfterSeconds;
  }
  has(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

export interface BackoffOptions {
  /** First wait, before jitter. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000 };

/**
 * How long to wait before reconnect attempt number `attempt` (0 for the first retry):
 * base·2^attempt capped at max, then "equal jitter": between half of it and all of it.
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  { baseMs, maxMs }: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export type UnauthenticatedSource = 'http' | 'ws';

export interface GraphQLClientOptions {
  /** HTTP endpoint, e.g. `/graphql`. */
  url: string;
  /** WebSocket endpoint, e.g. `ws://host/graphql`. */
  wsUrl: string | (() => string);
  getToken: () => string | null;
  /** The session is over (HTTP UNAUTHENTICATED on an authenticated request, or WS 4403). */
  onUnauthenticated?: (source: UnauthenticatedSource) => void;
  fetch?: typeof fetch;
  /** Injected in tests: a fake WebSocket class. */
  webSocketImpl?: unknown;
  random?: () => number;
  backoff?: BackoffOptions;
  /** After this many failed attempts in a row the indicator says offline (retries go on). */
  offlineAfterAttempts?: number;
  /** Give up after this many attempts in a row (default: never). */
  retryAttempts?: number;
}

export interface RequestOptions {
  /** Send without the token and do not treat UNAUTHENTICATED as the end of the session (login). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

export interface SubscriptionSink<T> {
  next(data: T): void;
  /** GraphQL errors of the subscription itself; connection problems go to the state instead. */
  error?(error: GraphQLRequestError): void;
}

export interface GraphQLClient {
  /** Reactive connection state for the indicator. */
  readonly state: Readonly<Ref<ConnectionState>>;
  /** Failed attempts since the connection was last up. */
  readonly failedAttempts: Readonly<Ref<number>>;
  request<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    ...args: Record<string, never> extends TVariables
      ? [variables?: TVariables, options?: RequestOptions]
      : [variables: TVariables, options?: RequestOptions]
  ): Promise<TResult>;
  /** Lives across reconnects and sign-ins until the returned function is called. */
  subscribe<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    variables: TVariables,
    sink: SubscriptionSink<TResult>,
  ): () => void;
  /**
   * Runs each time the socket is up again after a drop or after failed attempts (not after
   * a first connect that worked at once); returns an unsubscribe.
   */
  onReconnected(listener: () => void): () => void;
  /** Opens the socket (after sign-in). */
  connect(): void;
  /** Closes the socket for good (sign-out); no reconnect. */
  disconnect(): void;
  /** Skips the current backoff wait (the browser came back online, or the user asked). */
  retryNow(): void;
}

interface ErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown; reason?: unknown; retryAfterSeconds?: unknown };
}

function toErrorInfo(e: ErrorLike): GraphQLErrorInfo {
  const ext = e.extensions ?? {};
  return {
    message: typeof e.message === 'string' ? e.message : 'Error',
    code: typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR',
    ...(typeof ext.field === 'string' ? { field: ext.field } : {}),
    ...(typeof ext.reason === 'string' ? { reason: ext.reason } : {}),
    ...(typeof ext.retryAfterSeconds === 'number' ? { retryAfterSeconds: ext.retryAfterSeconds } : {}),
  };
}

function isCloseEvent(e: unknown): e is { code: number; reason?: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    'code' in e &&
    typeof (e as { code: unknown }).code === 'number'
  );
}

/**
 * graphql-ws `shouldRetry`: any drop is worth another try, including the browser's bare
 * `error` event when the server is unreachable, except 4403: the session is over. (The
 * `closed` listener also ends the socket's lifetime on 4403, so a retry cannot sneak in.)
 */
export function isRetryable(errOrClose: unknown): boolean {
  return !(isCloseEvent(errOrClose) && errOrClose.code === CLOSE_FORBIDDEN);
}

interface Subscription {
  payload: { query: string; variables: Record<string, unknown> };
  sink: SubscriptionSink<unknown>;
  release?: () => void;
}

/** One socket lifetime, from connect() to disconnect() or the end of the session. */
interface Generation {
  ws: WsClient;
  over: boolean;
  everConnected: boolean;
  wait?: { timer: ReturnType<typeof setTimeout>; resolve: () => void };
}

export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const offlineAfter = options.offlineAfterAttempts ?? 3;

  const state = shallowRef<ConnectionState>('idle');
  const failedAttempts = shallowRef(0);
  const reconnectedListeners = new Set<() => void>();
  const subscriptions = new Set<Subscription>();
  let current: Generation | undefined;

  function sessionOver(source: UnauthenticatedSource) {
    options.onUnauthenticated?.(source);
  }

  async function request<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    variables?: TVariables,
    opts: RequestOptions = {},
  ): Promise<TResult> {
    const token = opts.anonymous ? null : options.getToken();
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
        signal: opts.signal,
      });
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
      throw new GraphQLRequestError([
        { message: String((err as Error)?.message ?? err), code: 'NETWORK' },
      ]);
    }
    let body: { data?: TResult | null; errors?: ErrorLike[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new GraphQLRequestError([{ message: `HTTP ${response.status}`, code: 'NETWORK' }]);
    }
    if (body.errors?.length) {
      const error = new GraphQLRequestError(body.errors.map(toErrorInfo));
      if (token && error.has('UNAUTHENTICATED')) sessionOver('http');
      throw error;
    }
    if (body.data === undefined || body.data === null) {
      throw new GraphQLRequestError([{ message: `HTTP ${response.status}`, code: 'NETWORK' }]);
    }
    return body.data;
  }

  function attach(gen: Generation, sub: Subscription) {
    sub.release = gen.ws.subscribe(sub.payload, {
      next: (result) => {
        if (gen.over) return;
        if (result.errors?.length) {
          sub.sink.error?.(
            new GraphQLRequestError(result.errors.map((e) => toErrorInfo(e as ErrorLike))),
          );
        } else if (result.data) {
          sub.sink.next(result.data);
        }
      },
      error: (err) => {
        // Close events are the connection's business (state, 4403); only GraphQL errors
        // of this operation reach the sink.
        if (gen.over || isCloseEvent(err) || !Array.isArray(err)) return;
        sub.sink.error?.(new GraphQLRequestError(err.map((e) => toErrorInfo(e as ErrorLike))));
      },
      complete: () => undefined,
    });
  }

  function endGeneration(gen: Generation) {
    if (gen.over) return;
    gen.over = true;
    if (gen.wait) clearTimeout(gen.wait.timer); // the pending wait never resolves: no new socket
    for (const sub of subscriptions) {
      sub.release?.();
      sub.release = undefined;
    }
    // dispose() rejects when the socket it waits for was refused: nothing left to close then.
    Promise.resolve(gen.ws.dispose()).catch(() => undefined);
    if (current === gen) current = undefined;
  }

  function connect() {
    if (current) return;
    const gen = { over: false, everConnected: false } as Generation;
    const wsOptions: ClientOptions = {
      url: options.wsUrl,
      lazy: false,
      connectionParams: () => {
        const token = options.getToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: options.retryAttempts ?? Infinity,
      retryWait: (attempt) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(
            () => {
              gen.wait = undefined;
              resolve();
            },
            backoffDelay(attempt, random, backoff),
          );
          gen.wait = { timer, resolve };
        }),
      shouldRetry: isRetryable,
      onNonLazyError: () => {
        if (!gen.over && state.value !== 'idle') state.value = 'offline';
      },
      on: {
        connecting: (isRetry) => {
          if (gen.over) return;
          state.value = isRetry
            ? failedAttempts.value >= offlineAfter
              ? 'offline'
              : 'reconnecting'
            : 'connecting';
        },
        connected: () => {
          if (gen.over) return;
          // Back after a drop (or after failed first tries): live views may have missed events.
          const recovering = gen.everConnected || failedAttempts.value > 0;
          gen.everConnected = true;
          failedAttempts.value = 0;
          state.value = 'connected';
          if (recovering) for (const listener of [...reconnectedListeners]) listener();
        },
        closed: (event) => {
          if (gen.over) return;
          if (isCloseEvent(event) && event.code === CLOSE_FORBIDDEN) {
            endGeneration(gen);
            state.value = 'idle';
            sessionOver('ws');
            return;
          }
          failedAttempts.value += 1;
          state.value = failedAttempts.value >= offlineAfter ? 'offline' : 'reconnecting';
        },
      },
      ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
    };
    gen.ws = createWsClient(wsOptions);
    current = gen;
    for (const sub of subscriptions) attach(gen, sub);
  }

  function disconnect() {
    if (current) endGeneration(current);
    failedAttempts.value = 0;
    state.value = 'idle';
  }

  function subscribe<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    variables: TVariables,
    sink: SubscriptionSink<TResult>,
  ): () => void {
    const sub: Subscription = {
      payload: {
        query: document.toString(),
        variables: (variables ?? {}) as Record<string, unknown>,
      },
      sink: sink as SubscriptionSink<unknown>,
    };
    subscriptions.add(sub);
    if (current) attach(current, sub);
    return () => {
      subscriptions.delete(sub);
      sub.release?.();
      sub.release = undefined;
    };
  }

  return {
    state: readonly(state),
    failedAttempts: readonly(failedAttempts),
    request: request as GraphQLClient['request'],
    subscribe,
    onReconnected(listener) {
      reconnectedListeners.add(listener);
      return () => reconnectedListeners.delete(listener);
    },
    connect,
    disconnect,
    retryNow() {
      const wait = current?.wait;
      if (!wait) return;
      clearTimeout(wait.timer);
      current!.wait = undefined;
      wait.resolve();
    },
  };
}

// ---- the app's instance ----------------------------------------------------------------

let appClient: GraphQLClient | undefined;

/** main.ts installs the app's client once; tests install a fake. */
export function installClient(client: GraphQLClient | undefined): void {
  appClient = client;
}

export function useClient(): GraphQLClient {
  if (!appClient) throw new Error('GraphQL client not installed: call installClient() first');
  return appClient;
}

/** ws(s)://<this host>/graphql, so dev (Vite proxy) and production (same port) both work. */
export function defaultWsUrl(path = '/graphql'): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${path}`;
}
