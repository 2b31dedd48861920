import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.js';

/** The stable codes a client may see in `extensions.code`. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  /** A limit (sign-in attempts, phone lookups, subscriptions); `retryAfterSeconds` when known. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The database cannot be reached or written, or the server is stopping: nothing was changed; try again. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  // Produced by Apollo/graphql-js itself before any resolver runs.
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const PASS_THROUGH = new Set<string>(Object.values(ErrorCode));

export interface AppErrorDetails {
  /** For BAD_USER_INPUT: the input field at fault (dotted path). */
  field?: string;
  /** A domain reason, e.g. a rule id or rejection code (`R5_BUSY`). */
  reason?: string;
  [key: string]: unknown;
}

/** The only error the server throws at a client on purpose. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export const unauthenticated = (message = 'Sign in first') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string, details?: AppErrorDetails) =>
  new AppError(ErrorCode.CONFLICT, message, details);
export const tooManyRequests = (message: string, details?: AppErrorDetails) =>
  new AppError(ErrorCode.TOO_MANY_REQUESTS, message, details);
export const badInput = (field: string, message: string, details?: AppErrorDetails) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { field, ...details });

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function firstViolation(
  errors: ValidationErrorLike[],
  prefix = '',
): { field: string; message: string } | undefined {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const message = e.constraints && Object.values(e.constraints)[0];
    if (message) return { field, message };
    const nested = e.children && firstViolation(e.children, field);
    if (nested) return nested;
  }
  return undefined;
}

export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; driverError?: { code?: string } } | undefined;
  const code = e?.code ?? e?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.errno === 1062;
}

/** Connection-level failures of the MySQL driver (the database is away, not the query wrong). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'POOL_CLOSED',
]);
/** SQLite failures of the file itself, with the reason a client is told. */
const STORAGE_REASONS: Record<string, string> = {
  SQLITE_READONLY: 'DATABASE_READ_ONLY',
  SQLITE_FULL: 'DISK_FULL',
  SQLITE_IOERR: 'DISK_ERROR',
  SQLITE_CANTOPEN: 'DISK_ERROR',
};

/**
 * The database is unreachable or cannot be written (a connection lost or refused, a read-only
 * or full disk): the transaction did not commit. Returns the reason for `extensions.reason`,
 * or undefined for any other error.
 */
export function unavailableReason(err: unknown): string | undefined {
  for (let e = err as { code?: string; fatal?: boolean; driverError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code) || e.fatal === true) return 'DATABASE_UNREACHABLE';
    const storage = Object.keys(STORAGE_REASONS).find((k) => code === k || code.startsWith(`${k}_`));
    if (storage) return STORAGE_REASONS[storage];
    if (/Pool is closed|Connection lost|connect ETIMEDOUT|read ECONNRESET/i.test(String((e as { message?: unknown }).message ?? ''))) return 'DATABASE_UNREACHABLE';
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return undefined;
}

const UNAVAILABLE_MESSAGES: Record<string, string> = {
  DATABASE_UNREACHABLE: 'The database cannot be reached; nothing was changed, try again shortly',
  DATABASE_READ_ONLY: 'The database is read-only; nothing was changed',
  DISK_FULL: 'The disk is full; nothing was changed',
  DISK_ERROR: 'The database file cannot be written; nothing was changed',
  STOPPING: 'The server is restarting; nothing was changed, try again shortly',
};

export const serviceUnavailable = (reason: keyof typeof UNAVAILABLE_MESSAGES | string) =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGES[reason] ?? UNAVAILABLE_MESSAGES.DATABASE_UNREACHABLE, { reason });

/**
 * Apollo's formatError: known errors keep their code, class-validator failures become
 * BAD_USER_INPUT with the field, duplicate keys become CONFLICT, an unreachable or unwritable
 * database SERVICE_UNAVAILABLE with its reason, and anything else is
 * logged and replaced by a bare INTERNAL_SERVER_ERROR (no SQL, no stack).
 */
export function makeFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Not `instanceof GraphQLError`: graphql-js may be loaded twice (CJS/ESM); duck-type.
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      const { stacktrace: _s, ...ext } = original.extensions as Record<string, unknown>;
      return { ...base, message: original.message, extensions: ext };
    }
    const validation = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })
      ?.extensions?.validationErrors;
    if (validation) {
      const v = firstViolation(validation);
      return {
        ...base,
        message: v ? v.message : 'Invalid input',
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: v?.field },
      };
    }
    const unavailable = unavailableReason(original);
    if (unavailable) {
      logger.warn({ err: original, path: formatted.path }, 'database unavailable');
      const e = serviceUnavailable(unavailable);
      return { ...base, message: e.message, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, reason: unavailable } };
    }
    if (isDuplicateKey(original)) {
      return { ...base, message: 'This already exists', extensions: { code: ErrorCode.CONFLICT } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...base, extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
