/**
 * Errors a use case throws on purpose, each with a stable dotted code (`dossier.missing_components`)
 * that clients can rely on, a message in Vietnamese and English, and optional per-field messages for
 * forms. The one HTTP error handler maps the kind to a status; anything else is an internal error
 * whose details never leave the server.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unavailable';

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
};

export interface Bilingual {
  vi: string;
  en: string;
}

export interface FieldError {
  /** Dotted path of the field, as named in the form or JSON body. */
  field: string;
  message: Bilingual;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly text: Bilingual,
    readonly fields: FieldError[] = [],
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'AppError';
    this.status = STATUS[kind];
  }
}

export const notFound = (code: string, text: Bilingual) => new AppError('not_found', code, text);
export const conflict = (code: string, text: Bilingual) => new AppError('conflict', code, text);
export const forbidden = (code: string, text: Bilingual) => new AppError('forbidden', code, text);
export const validationError = (code: string, text: Bilingual, fields: FieldError[] = []) =>
  new AppError('validation', code, text, fields);
