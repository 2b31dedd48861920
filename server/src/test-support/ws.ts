import { WebSocket } from 'ws';

/** A raw graphql-transport-ws socket signed in with `token`; collects messages, their sizes and the close code. */
export async function socket(wsUrl: string, token: string) {
  const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
  const messages: any[] = [];
  const sizes: number[] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('message', (d) => {
    const text = String(d);
    sizes.push(Buffer.byteLength(text));
    messages.push(JSON.parse(text));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  return { ws, messages, sizes, closed };
}

/** Waits (up to ~6 s) until `check` holds. */
export async function until(check: () => boolean, what = 'condition') {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}
