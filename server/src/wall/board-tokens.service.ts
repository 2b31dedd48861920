import { createHash, randomBytes } from 'node:crypto';
import { In, IsNull, type DataSource } from 'typeorm';
import { SiteEntity, UserEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { boardTokenRefused } from '../platform/auth/auth-checker.js';
import { forbidden, notFound } from '../platform/errors.js';
import { Fanout } from '../platform/fanout.js';
import { parseId } from '../platform/ids.js';
import type { EventBus } from '../platform/pubsub.js';
import { BoardTokenEntity } from './board-tokens.entity.js';
import { privateBoard } from './domain/privacy.js';

export const BOARD_TOKEN_REVOKED = 'BOARD_TOKEN_REVOKED';
/** Board-token secrets start with this, so the server tells them from sign-in JWTs at a glance. */
export const BOARD_TOKEN_PREFIX = 'rbt_';
/** lastUsedAt is written at most this often per token (a wall screen reconnects often). */
const LAST_USED_EVERY_MS = 60_000;

/** Who a request or socket is when it carries a board token: one site, read-only, privacy on. */
export interface BoardViewer {
  tokenId: number;
  siteId: number;
  companyId: number;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const isBoardSecret = (token: string | null | undefined): token is string => !!token && token.startsWith(BOARD_TOKEN_PREFIX);
/** The web route that opens a wall screen with a token. */
export const wallPath = (siteId: number, secret: string) => `/wall/t/${siteId}/${secret}`;

export interface BoardTokenRow extends BoardTokenEntity {
  createdByName: string;
  revokedByName: string | null;
}

export class BoardTokensService {
  /** One bus listener per token, however many sockets use it. */
  private readonly revocations = new Fanout<{ tokenId: number }>(
    (key) => this.bus.pubSub.subscribe(BOARD_TOKEN_REVOKED, Number(key)) as AsyncIterable<{ tokenId: number }>,
  );
  /** The private board, built once per board object, shared by every token viewer. */
  private readonly privateViews = new WeakMap<object, unknown>();

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly accounts: AccountsService,
  ) {}

  /** A manager of the site (or an administrator) issues a token; the secret is returned once. */
  async issue(p: Principal, siteId: number, label: string): Promise<{ token: BoardTokenRow; secret: string }> {
    await this.requireManager(p, siteId);
    const secret = BOARD_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = await this.tx.run((em) =>
      em.save(
        em.create(BoardTokenEntity, {
          siteId,
          label: label.trim(),
          tokenHash: hashSecret(secret),
          createdBy: p.userId,
          createdAt: this.clock.now(),
          revokedAt: null,
          revokedBy: null,
          lastUsedAt: null,
        }),
      ),
    );
    return { token: (await this.withNames([row]))[0], secret };
  }

  async list(p: Principal, siteId: number): Promise<BoardTokenRow[]> {
    await this.requireManager(p, siteId);
    const rows = await this.ds.getRepository(BoardTokenEntity).find({ where: { siteId }, order: { id: 'DESC' } });
    return this.withNames(rows);
  }

  /** Revoking is at once: HTTP requests are refused and open sockets close (4403) on every instance. */
  async revoke(p: Principal, id: string): Promise<BoardTokenRow> {
    const tokenId = parseId('id', id);
    const found = await this.ds.getRepository(BoardTokenEntity).findOneBy({ id: tokenId });
    if (!found) throw notFound('Board token');
    await this.requireManager(p, found.siteId);
    const row = await this.tx.run(async (em) => {
      const current = await em.findOneByOrFail(BoardTokenEntity, { id: tokenId });
      if (current.revokedAt) return current;
      await em.update(BoardTokenEntity, { id: tokenId }, { revokedAt: this.clock.now(), revokedBy: p.userId });
      return em.findOneByOrFail(BoardTokenEntity, { id: tokenId });
    });
    // After commit (also when it was already revoked: a socket another instance missed closes).
    this.bus.pubSub.publish(BOARD_TOKEN_REVOKED, tokenId, { tokenId });
    return (await this.withNames([row]))[0];
  }

  /** Secret → viewer, or null for an unknown or revoked token. */
  async authenticate(secret: string): Promise<BoardViewer | null> {
    const row = await this.ds.getRepository(BoardTokenEntity).findOneBy({ tokenHash: hashSecret(secret), revokedAt: IsNull() });
    if (!row) return null;
    const site = await this.ds.getRepository(SiteEntity).findOneBy({ id: row.siteId });
    if (!site) return null;
    const now = this.clock.now();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
      // Outside a transaction on purpose: a read must not fail for a bookkeeping write.
      await this.ds.getRepository(BoardTokenEntity).update({ id: row.id }, { lastUsedAt: now }).catch(() => undefined);
    }
    return { tokenId: row.id, siteId: site.id, companyId: site.companyId };
  }

  /** The site a viewer may read: its own, nothing else. */
  async requireViewerSite(viewer: BoardViewer, siteId: number): Promise<SiteEntity> {
    if (siteId !== viewer.siteId) throw boardTokenRefused('A wall-screen token reads its own site only');
    const site = await this.ds.getRepository(SiteEntity).findOneBy({ id: siteId });
    if (!site) throw notFound('Site');
    return site;
  }

  /** The board with privacy forced on; the same input object gives the same output object. */
  privateView<B extends object>(board: B): B {
    let view = this.privateViews.get(board) as B | undefined;
    if (!view) this.privateViews.set(board, (view = privateBoard(board as never) as B));
    return view;
  }

  watchRevocation(tokenId: number, sink: () => void): () => void {
    return this.revocations.listen(String(tokenId), sink);
  }

  private async requireManager(p: Principal, siteId: number) {
    await this.accounts.requireSite(p, siteId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only a manager issues or revokes wall-screen tokens');
  }

  private async withNames(rows: BoardTokenEntity[]): Promise<BoardTokenRow[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.createdBy, r.revokedBy ?? r.createdBy]))];
    const users = ids.length ? await this.ds.getRepository(UserEntity).find({ where: { id: In(ids) }, select: { id: true, displayName: true } }) : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map((r) => ({
      ...r,
      createdByName: names.get(r.createdBy) ?? `#${r.createdBy}`,
      revokedByName: r.revokedBy === null ? null : (names.get(r.revokedBy) ?? `#${r.revokedBy}`),
    }));
  }
}
