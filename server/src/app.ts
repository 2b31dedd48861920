import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { FormattedExecutionResult } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { WebSocketServer, type WebSocket } from 'ws';
import { AccountsService } from './accounts/accounts.service.js';
import type { Principal } from './accounts/domain/roles.js';
import type { Context, Services } from './context.js';
import { seedAppointments } from './demo/appointments.js';
import { seedDemoData } from './demo/seed.js';
import { createLoaders } from './loaders.js';
import { bearerToken, TokenService } from './platform/auth/tokens.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { openDatabase } from './platform/db/data-source.js';
import { Transactions } from './platform/db/transaction.js';
import { makeFormatError, serviceUnavailable } from './platform/errors.js';
import { graphqlOverHttpCompliance, jsonBodyErrors } from './platform/http-compliance.js';
import { createLogger, type Logger } from './platform/logger.js';
import { sendSerializedResults, serializedOnce, sharedSubscribe } from './platform/shared-subscribe.js';
import { createEventBus, type EventBus } from './platform/pubsub.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { AppointmentsService } from './appointments/appointments.service.js';
import { StandardsService } from './appointments/standards.service.js';
import { CustomersService } from './customers/customers.service.js';
import { RotationService } from './rotation/rotation.service.js';
import { SettingsHistoryService } from './settings/settings.service.js';
import { createSchema } from './schema.js';

export interface App {
  config: Config;
  logger: Logger;
  ds: DataSource;
  services: Services;
  bus: EventBus;
  httpServer: Server;
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  /**
   * Graceful stop: new requests are refused (503 SERVICE_UNAVAILABLE), sockets close with 1001
   * (graphql-ws clients reconnect, to another instance if there is one), requests in flight
   * finish, then the event bus and the database pool close.
   */
  stop(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Tests only. */
  synchronize?: boolean;
}

const GRAPHQL_PATH = '/graphql';

export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config);
  const clock = opts.clock ?? systemClock;
  const ds = await openDatabase(config.database, { synchronize: opts.synchronize });
  const tx = new Transactions(ds);
  const bus = createEventBus(
    config.redisUrl,
    logger,
    `reception:${config.database.type === 'mysql' ? new URL(config.database.url).pathname.slice(1) : config.database.file}`,
  );
  const tokens = new TokenService(config.jwtSecret, config.jwtTtl, clock);
  const accounts = new AccountsService(ds, tx, tokens, clock, bus);
  const settings = new SettingsHistoryService(ds, accounts);
  const customers = new CustomersService(ds, tx, clock, bus, accounts, settings);
  const standards = new StandardsService(ds, tx, clock, accounts);
  const notifications = new NotificationsService(ds, tx, clock, bus);
  const services: Services = {
    accounts,
    rotation: new RotationService(ds, tx, clock, bus, accounts, customers, settings, notifications),
    customers,
    standards,
    appointments: new AppointmentsService(ds, tx, clock, bus, accounts, standards, notifications),
    settings,
    notifications,
  };
  if (config.demoData && (await seedDemoData(ds, tx, clock, logger))) await seedAppointments(ds, tx, clock, services);

  const schema = await createSchema(bus);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  // Set by stop(): whatever arrives from then on is refused, clearly and without being run.
  let draining = false;
  app.use((req, res, next) => {
    if (!draining || req.path === '/healthz') return next();
    const e = serviceUnavailable('STOPPING');
    res.status(503).set('Connection', 'close').json({ errors: [{ message: e.message, extensions: e.extensions }] });
  });

  // ---- WebSocket subscriptions (graphql-ws) on the same path and port ----------------
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  type Extra = {
    socket: WebSocket;
    principal?: Principal;
    expiryTimer?: NodeJS.Timeout;
    watch?: AsyncIterator<unknown>;
  };
  // The board is built once per change; so is its GraphQL result, and so are its bytes.
  wsServer.on('connection', sendSerializedResults);
  // A socket that opens while the server stops is told to go elsewhere at once.
  wsServer.on('connection', (socket) => {
    if (draining) socket.close(1001, 'Server shutting down');
  });
  const wsCleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      subscribe: sharedSubscribe(['rotationBoard']),
      onNext: (_ctx, _id, _payload, _args, result) => serializedOnce(result) as FormattedExecutionResult | undefined,
      onConnect: async (ctx) => {
        const principal = await services.accounts.authenticate(bearerToken(ctx.connectionParams?.authorization));
        // false → graphql-ws closes with 4403 Forbidden.
        if (!principal) return false;
        const extra = ctx.extra;
        extra.principal = principal;
        // A token that expires while connected ends the connection the same way.
        const ms = principal.expiresAt.getTime() - clock.now().getTime();
        extra.expiryTimer = setTimeout(() => extra.socket.close(CloseCode.Forbidden, 'Forbidden'), Math.min(ms, 2 ** 31 - 1));
        // Disabling the user or resetting their password closes their open sockets at once.
        const changes = services.accounts.accountChanges(principal.userId)[Symbol.asyncIterator]();
        extra.watch = changes;
        void (async () => {
          for (;;) {
            const next = await changes.next();
            if (next.done) return;
            if ((next.value as { signedOut: boolean }).signedOut) {
              // Let the accountChanged message reach the client first.
              setTimeout(() => extra.socket.close(CloseCode.Forbidden, 'Forbidden'), 50);
              return;
            }
          }
        })().catch((err) => logger.warn({ err }, 'account watch failed'));
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiryTimer);
        void ctx.extra.watch?.return?.();
      },
      context: (ctx): Context => ({
        principal: ctx.extra.principal ?? null,
        services,
        loaders: createLoaders(services, { cache: false }),
      }),
    },
    wsServer,
  );

  // ---- Apollo over HTTP ---------------------------------------------------------------
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // Auth is a bearer header that browsers never attach by themselves, so cross-site
    // requests carry no credentials; CSRF prevention would only refuse plain GET queries.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              // Sockets close with 1001 Going Away so clients reconnect elsewhere; one still open a
              // second later is cut (ws would wait 30 s for its answer).
              closeSockets();
              const cut = setTimeout(() => wsServer.clients.forEach((c) => c.terminate()), 1000);
              await wsCleanup.dispose();
              clearTimeout(cut);
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  // Liveness with the state of what the process depends on. Always 200 while the process runs
  // (an outage of the database or Redis is not cured by a restart): `status` is "ok", "degraded"
  // (the database or Redis is unreachable; the server keeps trying) or "stopping".
  app.get('/healthz', async (_req, res) => {
    const database = await databaseReachable(1000);
    const events = bus.status();
    const status = draining ? 'stopping' : database && events !== 'down' ? 'ok' : 'degraded';
    res.json({ status, database: database ? 'up' : 'down', events });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await ds.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch (err) {
      logger.warn({ err }, 'database not reachable');
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  app.use(
    GRAPHQL_PATH,
    // 3 MB: a register file for importCustomers (at most 2 MB, base64 in the request) fits.
    express.json({ limit: '3mb', type: ['application/json', 'application/graphql-response+json'] }),
    graphqlOverHttpCompliance,
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => ({
        principal: await services.accounts.authenticate(bearerToken(req.headers.authorization)),
        services,
        loaders: createLoaders(services),
      }),
    }),
  );
  app.use(GRAPHQL_PATH, jsonBodyErrors);

  // ---- The built web app, with history fallback ----------------------------------------
  const indexHtml = path.join(config.webDist, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(express.static(config.webDist, { index: false, maxAge: '1h' }));
    app.get(/^(?!\/graphql).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  } else {
    logger.warn({ webDist: config.webDist }, 'web app not built; serving the API only');
  }

  async function databaseReachable(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        ds.query('SELECT 1').then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
  function closeSockets() {
    for (const client of wsServer.clients) {
      if (client.readyState !== client.OPEN) continue;
      client.close(1001, 'Server shutting down');
      // The close frame is queued on the TCP stream; ending the stream right behind it delivers the
      // frame without waiting for each client's reply (a slow or dead client would hold the stop).
      (client as unknown as { _socket?: Socket })._socket?.end();
    }
  }

  let stopping: Promise<void> | undefined;
  return {
    config,
    logger,
    ds,
    services,
    bus,
    httpServer,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as AddressInfo;
          resolve(`http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`);
        });
      }),
    stop: () =>
      (stopping ??= (async () => {
        const t0 = performance.now();
        const phases: Record<string, number> = {};
        const mark = (name: string) => (phases[name] = Math.round(performance.now() - t0));
        draining = true;
        closeSockets();
        // A connection accepted just now gets its request refused rather than cut unanswered.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await apollo.stop();
        mark('requestsAndSockets');
        await bus.close();
        await ds.destroy();
        mark('database');
        logger.info({ ms: phases }, 'stopped');
      })()),
  };
}
