// The fan-out baseline: a bare graphql-ws server (useServer, no Apollo, no auth, no database)
// whose one subscription publishes whatever board JSON the `publish` mutation (over HTTP, via
// graphql-http) hands it. Executed per subscriber, as graphql-ws does by default.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GraphQLID,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLBoolean,
} from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

// The payload passes through as it is, so every subscriber gets exactly the board's JSON.
const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
});

let current: unknown = { seq: 0 };
const listeners = new Set<(board: unknown) => void>();

async function* boards(): AsyncGenerator<unknown> {
  const queue: unknown[] = [];
  let wake: (() => void) | null = null;
  const listener = (b: unknown) => {
    queue.push(b);
    wake?.();
  };
  listeners.add(listener);
  try {
    yield current;
    for (;;) {
      while (queue.length) yield queue.shift();
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
  } finally {
    listeners.delete(listener);
  }
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { ok: { type: GraphQLBoolean, resolve: () => true } },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      publish: {
        type: new GraphQLNonNull(GraphQLInt),
        args: { board: { type: new GraphQLNonNull(JSONScalar) } },
        resolve: (_root, { board }: { board: { seq: number } }) => {
          current = board;
          for (const l of listeners) l(board);
          return board.seq;
        },
      },
    },
  }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      rotationBoard: {
        type: JSONScalar,
        args: { siteId: { type: new GraphQLNonNull(GraphQLID) }, afterSeq: { type: GraphQLInt } },
        subscribe: () => boards(),
        resolve: (board: unknown) => board,
      },
    },
  }),
});

const handler = createHandler({ schema });
const server = createServer((req, res) => {
  if (req.url?.startsWith('/graphql')) return void handler(req, res);
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, path: '/graphql' });
useServer({ schema }, wss);

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  // bench/fanout.ts waits for this line.
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => {
  for (const c of wss.clients) c.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
