/**
 * The sample dossier a template preview is drawn with (Nguyễn Văn Mẫu, 001099012345, …): made-up
 * data that reads like a real dossier, the number "01/{ký hiệu}-{agency}", an unsigned signature box.
 */
import { numberSymbol, symbolFor } from '../codes.js';
import type { ResultDocument } from '../document.js';
import { defaultSignerTitle, type ResultTemplate, validUntilFor } from './template.js';

export const SAMPLE_APPLICANT = 'Nguyễn Văn Mẫu';
export const SAMPLE_ID_NUMBER = '001099012345';

export interface SampleInput {
  agencyName: string;
  agencyParentName: string | null;
  place: string;
  procedureCode: string;
  procedureName: string;
  baseUrl: string;
  now: Date;
}

export function sampleDocument(s: SampleInput, template: ResultTemplate): ResultDocument {
  const yymmdd = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: '2-digit',
    month: '2-digit',
    day: '2-digit',
  })
    .format(s.now)
    .replace(/-/g, '');
  return {
    agencyParentName: s.agencyParentName,
    agencyName: s.agencyName,
    place: s.place,
    issuedAt: s.now,
    numberSymbol: numberSymbol(1, symbolFor(template.symbolKind, s.agencyName)),
    name: template.title,
    resultCode: 'KQ.G01.000123',
    dossierCode: `000.00.00.MAU-${yymmdd}-0001`,
    verifyUrl: `${s.baseUrl.replace(/\/$/, '')}/verify/mau-xem-truoc`,
    procedureCode: s.procedureCode,
    procedureName: s.procedureName,
    receivedAt: new Date(s.now.getTime() - 3 * 86_400_000),
    receivingAgencyName: `Bộ phận Một cửa – ${s.agencyName}`,
    applicant: {
      name: SAMPLE_APPLICANT,
      idNumber: SAMPLE_ID_NUMBER,
      birthDate: '1999-01-15',
      address: `Số 1, đường Trần Hưng Đạo, ${s.place}`,
    },
    owner: { name: 'Trần Thị Mẫu', idNumber: '001199054321', birthDate: '1999-06-20' },
    validUntil: validUntilFor(template.validityMonths, s.now),
    signer: { title: template.signerTitle ?? defaultSignerTitle(s.agencyName), name: 'Họ và tên người ký' },
    signature: {
      signerName: 'Họ và tên người ký',
      agencyName: s.agencyName,
      signingTime: s.now,
      demo: false,
    },
  };
}
