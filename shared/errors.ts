/**
 * Errors are values with codes that cross every boundary (core → CLI, RPC, UI) the same way.
 * `kind: 'user'` means bad input or a refused action (CLI exit 1); `internal` is a bug (exit 2).
 */
export type AppErrorKind = 'user' | 'internal' | 'cancelled';

export interface AppErrorData {
  code: string;
  message: string;
  kind: AppErrorKind;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly kind: AppErrorKind;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, details?: Record<string, unknown>, kind: AppErrorKind = 'user') {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.kind = kind;
    this.details = details;
  }

  toJSON(): AppErrorData {
    return { code: this.code, message: this.message, kind: this.kind, details: this.details };
  }

  static cancelled(what = 'Operation'): AppError {
    return new AppError('cancelled', `${what} cancelled; nothing was changed.`, undefined, 'cancelled');
  }

  static internal(message: string, details?: Record<string, unknown>): AppError {
    return new AppError('internal', message, details, 'internal');
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Converts anything thrown into the serialisable shape; unknown errors are internal. */
export function toAppErrorData(e: unknown): AppErrorData {
  if (e instanceof AppError) return e.toJSON();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message, kind: 'internal' };
}
