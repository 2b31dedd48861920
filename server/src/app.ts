import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { makeFormatError } from './platform/errors.js';
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
  /** Graceful stop: requests in flight finish, sockets close with 1001, then the database. */
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
  const bus = createEventBus(config.redisUrl, logger);
  const tokens = new TokenService(config.jwtSecret, config.jwtTtl, clock);
  const accounts = new AccountsService(ds, tx, tokens, clock, bus);
  const settings = new SettingsHistoryService(ds, accounts);
  const notifications = new NotificationsService(ds, tx, clock, bus);
  const customers = new CustomersService(ds, tx, clock, bus, accounts, settings, notifications);
  const standards = new StandardsService(ds, tx, clock, accounts);
  const services: Services = {
    accounts,
    rotation: new RotationService(ds, tx, clock, bus, accounts, customers, settings),
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
              // Sockets close with 1001 Going Away so clients reconnect elsewhere.
              for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
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
        await apollo.stop();
        await bus.close();
        await ds.destroy();
      })()),
  };
}
