/** Hồ sơ nháp: what a citizen typed and chose so far, kept on the server (resumable on any device). */
import type { ReturnMethod } from '../dossier.js';
import type { PersonFields } from '../person-input.js';

export interface DraftContent {
  /** The form's hidden idempotency key, made once per draft: a retried submission makes one dossier. */
  key: string;
  applicant: PersonFields;
  /** Chủ hồ sơ when not the applicant (e.g. the newborn); null when the applicant is the owner. */
  owner: PersonFields | null;
  /** Empty: let routing choose the receiving centre. */
  receivingAgencyId: string | null;
  returnMethod: ReturnMethod | null;
  returnAddress: string | null;
  assisted: boolean;
  /** Per slot (component position): a data-store document used instead of an upload. */
  reuse: Record<string, string>;
}

export interface DraftFile {
  id: string;
  slot: number;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: Date;
}

export interface Draft {
  id: string;
  accountId: string;
  procedureCode: string;
  content: DraftContent;
  rowVersion: number;
  createdAt: Date;
  updatedAt: Date;
  files: DraftFile[];
}

export const emptyContent = (key: string): DraftContent => ({
  key,
  applicant: {},
  owner: null,
  receivingAgencyId: null,
  returnMethod: null,
  returnAddress: null,
  assisted: false,
  reuse: {},
});

export const PHOTO_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);
