import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { getOperationAST, type DocumentNode, type FormattedExecutionResult } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { WebSocketServer, type WebSocket } from 'ws';
import { AccountsService, changeApplies } from './accounts/accounts.service.js';
import { SignInGuard } from './accounts/sign-in-guard.js';
import { ensureFirstAdmin, type AdminResult } from './accounts/first-admin.js';
import type { Principal } from './accounts/domain/roles.js';
import type { Context, Services } from './context.js';
import { seedAppointments } from './demo/appointments.js';
import { seedAppointmentHistory } from './demo/history.js';
import { seedDemoData } from './demo/seed.js';
import { createLoaders } from './loaders.js';
import { bearerToken, TokenService } from './platform/auth/tokens.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { openDatabase } from './platform/db/data-source.js';
import { Transactions } from './platform/db/transaction.js';
import { makeFormatError, serviceUnavailable, tooManyRequests } from './platform/errors.js';
import { graphqlOverHttpCompliance, jsonBodyErrors } from './platform/http-compliance.js';
import { createLogger, type Logger } from './platform/logger.js';
import { documentChecker, graphqlLimits } from './platform/graphql-limits.js';
import { securityHeaders } from './platform/security-headers.js';
import { SendGuard, SocketsByUser } from './platform/ws-guard.js';
import { directSender, sendSerializedResults, serializedOnce, sharedSubscribe } from './platform/shared-subscribe.js';
import { attachDirect } from './platform/direct.js';
import { enableFanoutTrace } from './platform/fanout-trace.js';
import { createEventBus, redisNamespace, type EventBus } from './platform/pubsub.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { AppointmentsService } from './appointments/appointments.service.js';
import { StandardsService } from './appointments/standards.service.js';
import { CustomersService } from './customers/customers.service.js';
import { LookupGuard } from './customers/lookup-guard.js';
import { FiguresService } from './figures/figures.service.js';
import { FigureDaysKeeper } from './figures/keeper.js';
import { Leases } from './platform/db/lease.js';
import { RotationService } from './rotation/rotation.service.js';
import { SettingsHistoryService } from './settings/settings.service.js';
import { createSchema } from './schema.js';
import { ReminderScheduler } from './visits/reminders.js';
import { VisitsService } from './visits/visits.service.js';
import { BoardTokensService, isBoardSecret, type BoardViewer } from './wall/board-tokens.service.js';
import { boardTokenRefused } from './platform/auth/auth-checker.js';

export interface App {
  config: Config;
  logger: Logger;
  ds: DataSource;
  services: Services;
  /** Raises reminders on its cron (config.reminders); tests call tick() with a moved clock. */
  reminders: ReminderScheduler;
  /** Folds closed days for the figures ahead of requests (config.figuresKeeper); tests call tick(). */
  figuresKeeper: FigureDaysKeeper;
  bus: EventBus;
  httpServer: Server;
  /** Set when this start created the first administrator (a generated password is shown once). */
  firstAdmin: AdminResult | null;
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
  const bus = createEventBus(config.redisUrl, logger, redisNamespace(config));
  const tokens = new TokenService(config.jwtSecret, config.jwtTtl, clock);
  const accounts = new AccountsService(ds, tx, tokens, clock, bus, new SignInGuard(config.signIn, bus.redis, bus.namespace));
  const settings = new SettingsHistoryService(ds, accounts);
  const notifications = new NotificationsService(ds, tx, clock, bus);
  const customers = new CustomersService(ds, tx, clock, bus, accounts, settings, notifications);
  const standards = new StandardsService(ds, tx, clock, accounts);
  const visits = new VisitsService(ds, tx, clock, accounts, customers, notifications, settings);
  const services: Services = {
    accounts,
    rotation: new RotationService(ds, tx, clock, bus, accounts, customers, settings, notifications, logger),
    customers,
    standards,
    appointments: new AppointmentsService(ds, tx, clock, bus, accounts, standards, notifications),
    settings,
    notifications,
    lookups: new LookupGuard(ds, clock, logger, notifications, config.lookups, bus.redis, bus.namespace),
    visits,
    figures: new FiguresService(ds, clock, accounts, visits),
    boardTokens: new BoardTokensService(ds, tx, clock, bus, accounts),
  };
  /** The bearer of a request or socket: a signed-in user, a wall screen's board token, or nobody. */
  async function bearerOf(header: unknown): Promise<{ principal: Principal | null; board: BoardViewer | null }> {
    const token = bearerToken(header);
    if (isBoardSecret(token)) return { principal: null, board: await services.boardTokens.authenticate(token) };
    return { principal: await services.accounts.authenticate(token), board: null };
  }
  if (config.demoDataInProduction) {
    logger.warn('DEMO_DATA=true in production: an empty database gets the demo company and its published passwords');
  }
  const reminders = new ReminderScheduler(ds, tx, clock, customers, notifications, logger);
  const figuresKeeper = new FigureDaysKeeper(ds, services.figures, new Leases(ds, clock), logger);
  if (config.demoData && (await seedDemoData(ds, tx, clock, logger, { historyDays: config.demoHistoryDays }))) {
    await seedAppointments(ds, tx, clock, services);
    await seedAppointmentHistory(ds, tx, clock, config.demoHistoryDays);
  }
  const firstAdmin = config.demoData ? null : await ensureFirstAdmin(ds, tx, clock, config.admin);
  if (firstAdmin) logger.info({ username: firstAdmin.username }, 'first administrator created');

  const schema = await createSchema(bus);
  const app = express();
  app.disable('x-powered-by');
  // Behind one reverse proxy: the client address (sign-in limits) and https from its headers.
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(securityHeaders(config));
  const httpServer = createServer(app);
  // Set by stop(): whatever arrives from then on is refused, clearly and without being run.
  let draining = false;
  app.use((req, res, next) => {
    if (!draining || req.path === '/healthz') return next();
    const e = serviceUnavailable('STOPPING');
    res.status(503).set('Connection', 'close').json({ errors: [{ message: e.message, extensions: e.extensions }] });
  });

  // ---- WebSocket subscriptions (graphql-ws) on the same path and port ----------------
  const limits = graphqlLimits(config);
  const checkDocument = documentChecker(schema, limits);
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH, maxPayload: config.limits.wsMaxPayload });
  type Extra = {
    socket: WebSocket;
    principal?: Principal;
    board?: BoardViewer;
    expiryTimer?: NodeJS.Timeout;
    unwatch?: () => void;
  };
  const userSockets = new SocketsByUser<WebSocket>();
  const boardSockets = new SocketsByUser<WebSocket>();
  // First: a socket that stopped reading is closed before its backlog grows past the bound.
  const sendGuard = new SendGuard({ maxBuffered: config.limits.wsMaxBuffered, maxStallMs: config.limits.wsSendStallMs }, (info) =>
    logger.warn(info, 'socket not reading: closed'),
  );
  wsServer.on('connection', (socket) => sendGuard.install(socket));
  // A socket stalled on its last message is caught even when nothing more is sent to it.
  const stallSweep = setInterval(() => sendGuard.sweep(wsServer.clients), Math.max(250, Math.floor(config.limits.wsSendStallMs / 4)));
  stallSweep.unref();
  // The board is built once per change; so is its GraphQL result, and so are its bytes.
  wsServer.on('connection', sendSerializedResults);
  enableFanoutTrace(config.fanoutTrace);
  // A socket that opens while the server stops is told to go elsewhere at once.
  wsServer.on('connection', (socket) => {
    if (draining) socket.close(1001, 'Server shutting down');
  });
  const wsCleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      subscribe: sharedSubscribe(['rotationBoard', 'rotationBoardFeed']),
      onNext: (_ctx, _id, _payload, _args, result) => serializedOnce(result) as FormattedExecutionResult | undefined,
      // A shared change may skip the subscription's iterator chain (platform/direct.ts).
      onOperation: (ctx, id, _payload, _args, result) => {
        attachDirect(result, directSender(ctx.extra.socket, id, (s) => sendGuard.busy(s)));
      },
      onConnect: async (ctx) => {
        const { principal, board } = await bearerOf(ctx.connectionParams?.authorization);
        const extra = ctx.extra;
        if (board) {
          // A wall screen (issue 16): no expiry; revoking closes its sockets at once, everywhere.
          extra.board = board;
          extra.unwatch = services.boardTokens.watchRevocation(board.tokenId, () => extra.socket.close(CloseCode.Forbidden, 'Forbidden'));
          for (const old of boardSockets.add(board.tokenId, extra.socket, config.limits.wsMaxSocketsPerUser)) {
            old.close(4429, 'Too many sockets for this token');
          }
          return true;
        }
        // false → graphql-ws closes with 4403 Forbidden.
        if (!principal) return false;
        extra.principal = principal;
        // A token that expires while connected ends the connection the same way.
        const ms = principal.expiresAt.getTime() - clock.now().getTime();
        extra.expiryTimer = setTimeout(() => extra.socket.close(CloseCode.Forbidden, 'Forbidden'), Math.min(ms, 2 ** 31 - 1));
        // Logout, a password change, new roles or sites, disabling: the sockets opened with the
        // old rights close at once, on every instance (the change comes through the bus).
        extra.unwatch = services.accounts.watchAccount(principal.userId, (change) => {
          if (!change.closeSockets || !changeApplies(change, principal.sessionId)) return;
          // Let the accountChanged message reach the client first.
          setTimeout(() => extra.socket.close(CloseCode.Forbidden, 'Forbidden'), 50);
        });
        // Sockets per user are capped: the oldest make way.
        for (const old of userSockets.add(principal.userId, extra.socket, config.limits.wsMaxSocketsPerUser)) {
          old.close(4429, 'Too many sockets for this user');
        }
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        // Subscriptions per socket are capped (this one is already counted).
        if (Object.keys(ctx.subscriptions).length > config.limits.wsMaxSubscriptions) {
          return [tooManyRequests('Too many subscriptions on this connection', { reason: 'SUBSCRIPTIONS' })];
        }
        // The same parse and validation (limits, introspection) as over HTTP.
        const checked = checkDocument(payload.query);
        if ('errors' in checked) return checked.errors;
        // A board token subscribes to its board (and reads its site's name) and nothing else.
        if (ctx.extra.board && !boardTokenMayRun(checked.document, payload.operationName)) return [boardTokenRefused()];
        return { schema, document: checked.document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiryTimer);
        ctx.extra.unwatch?.();
        if (ctx.extra.principal) userSockets.remove(ctx.extra.principal.userId, ctx.extra.socket);
        if (ctx.extra.board) boardSockets.remove(ctx.extra.board.tokenId, ctx.extra.socket);
      },
      context: (ctx): Context => ({
        principal: ctx.extra.principal ?? null,
        board: ctx.extra.board ?? null,
        services,
        loaders: createLoaders(services, { cache: false }),
      }),
    },
    wsServer,
  );

  // ---- Apollo over HTTP ---------------------------------------------------------------
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: limits.hideSuggestions,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    // Plain GET queries need a content-type or an Apollo preflight header (the web app and
    // graphql-ws never send simple cross-site requests anyway).
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(logger),
    plugins: [
      // No cache hints anywhere (every answer is per user): the default plugin's hook ran for
      // each resolved field of every request (issue 17: ~2% of a floor command's CPU).
      ApolloServerPluginCacheControlDisabled(),
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
    // What Apollo's cache-control plugin (off, above) said of every answer: per user, never cached.
    (_req: express.Request, res: express.Response, next: express.NextFunction) => (res.setHeader('Cache-Control', 'no-store'), next()),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => ({
        ...(await bearerOf(req.headers.authorization)),
        services,
        loaders: createLoaders(services),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
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
    reminders,
    figuresKeeper,
    bus,
    httpServer,
    firstAdmin,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          if (config.reminders.enabled) reminders.start(config.reminders.cron);
          if (config.figuresKeeper.enabled) figuresKeeper.start(config.figuresKeeper.cron);
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
        clearInterval(stallSweep);
        await reminders.stop();
        await figuresKeeper.stop();
        closeSockets();
        // A connection accepted just now gets its request refused rather than cut unanswered.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await apollo.stop();
        mark('requestsAndSockets');
        await services.rotation.snapshotsWritten();
        await bus.close();
        await ds.destroy();
        mark('database');
        logger.info({ ms: phases }, 'stopped');
      })()),
  };
}

/** What a board token may run on a socket: the board subscription (whole or as changes), or the wallSite query. */
const BOARD_TOKEN_FIELDS: Partial<Record<string, readonly string[]>> = {
  subscription: ['rotationBoard', 'rotationBoardFeed'],
  query: ['wallSite'],
};
function boardTokenMayRun(document: DocumentNode, operationName: string | null | undefined): boolean {
  const op = getOperationAST(document, operationName);
  const fields = op && BOARD_TOKEN_FIELDS[op.operation];
  if (!fields) return false;
  return op.selectionSet.selections.every((s) => s.kind === 'Field' && fields.includes(s.name.value));
}
