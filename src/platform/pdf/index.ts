/** Shared A4 document plumbing: slips, result documents and reports draw through these helpers. */
export { barcode39, dossierCodeBand, qrCode } from './codes.js';
export {
  A4_MARGINS,
  type A4Options,
  bottomLimit,
  contentBox,
  createA4Document,
  ensureSpace,
  FONT,
  numberPages,
  toBuffer,
} from './document.js';
export {
  type Column,
  type FormHeadData,
  formHead,
  type HeaderAgency,
  headerColumns,
  nationalHeader,
  placeAndDate,
  placeOf,
} from './header.js';
export {
  type ComponentCopies,
  drawComponentTable,
  drawTable,
  type TableColumn,
  type TableOptions,
} from './table.js';
export {
  formatPlaceAndDate,
  formatVietnamDate,
  formatVietnamDateTime,
  formatVnd,
  type LocalParts,
  vietnamParts,
} from './vietnam-time.js';
