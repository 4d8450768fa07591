/** What a submission carries (API body and form alike), checked before anything is written. Pure. */
import { createHash } from 'node:crypto';
import { type FieldError, validationError } from '../../platform/errors.js';
import type { Level } from '../catalogue/index.js';
import type { Channel, Person, ReturnMethod } from './dossier.js';
import { type PersonFields, readPerson } from './person-input.js';

export interface ComponentChoice {
  /** Position of the component in the procedure version. */
  position: number;
  /** Uploads (dossier_files ids) made before submitting, in a draft or by the desk. */
  fileIds?: string[];
  /** A document of the citizen's data store used instead of an upload. */
  reuseDocumentId?: string | null;
}

export interface NewDossierInput {
  procedureCode: string;
  level?: Level | null;
  applicant: PersonFields;
  owner?: PersonFields | null;
  receivingAgencyId?: string | null;
  returnMethod: ReturnMethod;
  returnAddress?: string | null;
  /** The desk sets the channel: 1 direct, 2 online on the citizen's behalf (nộp hộ), 3 postal. */
  channel?: Channel | null;
  /** A citizen helped at a centre's computer, on their own account. */
  assisted?: boolean;
  components?: ComponentChoice[];
  draftId?: string | null;
}

export interface CheckedSubmission {
  applicant: Person;
  owner: Person | null;
  returnMethod: ReturnMethod;
  returnAddress: string | null;
  components: ComponentChoice[];
}

const RETURN_METHODS: readonly ReturnMethod[] = ['desk', 'post', 'online'];

export function checkSubmission(input: NewDossierInput, opts: { idRequired: boolean }): CheckedSubmission {
  const a = readPerson(input.applicant ?? {}, 'applicant', opts);
  const o = input.owner?.name ? readPerson(input.owner, 'owner', { idRequired: false }) : null;
  const errors: FieldError[] = [...a.errors, ...(o?.errors ?? [])];
  if (!RETURN_METHODS.includes(input.returnMethod)) {
    errors.push({
      field: 'returnMethod',
      message: { vi: 'Hãy chọn cách nhận kết quả.', en: 'Choose how to receive the result.' },
    });
  }
  const returnAddress = input.returnAddress?.normalize('NFC').replace(/\s+/g, ' ').trim() || null;
  if (input.returnMethod === 'post' && !returnAddress) {
    errors.push({
      field: 'returnAddress',
      message: {
        vi: 'Hãy nhập địa chỉ nhận kết quả qua bưu chính.',
        en: 'Enter the address the result is to be posted to.',
      },
    });
  }
  if (errors.length > 0) {
    throw validationError(
      'dossier.invalid_input',
      {
        vi: 'Hồ sơ chưa hợp lệ: xem các trường được đánh dấu.',
        en: 'The dossier is not valid: see the marked fields.',
      },
      errors,
    );
  }
  return {
    applicant: a.person,
    owner: o?.person ?? null,
    returnMethod: input.returnMethod,
    returnAddress: input.returnMethod === 'post' ? returnAddress : null,
    components: input.components ?? [],
  };
}

/** Hash of the request: the same key with another body is a client error, not a retry. */
export function requestHash(input: NewDossierInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
