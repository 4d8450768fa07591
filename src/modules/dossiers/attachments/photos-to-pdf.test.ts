import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { photosToPdf } from './photos-to-pdf.js';
import { jpegBytes, pngBytes } from './test-fixtures.js';

describe('photosToPdf', () => {
  it('puts each photo on its own A4 page', async () => {
    const pdf = await photosToPdf([jpegBytes(800, 600), pngBytes(30, 40), jpegBytes(600, 800, 6)]);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    assert.equal(doc.numPages, 3);
    for (let n = 1; n <= 3; n++) {
      const [, , w, h] = (await doc.getPage(n)).view;
      assert.deepEqual([Math.round(w!), Math.round(h!)], [595, 842], `page ${n} is A4 portrait`);
    }
    await doc.destroy();
  });

  it('refuses an empty list and a non-image', async () => {
    await assert.rejects(photosToPdf([]), RangeError);
    await assert.rejects(photosToPdf([Buffer.from('%PDF-1.4')]));
  });
});
