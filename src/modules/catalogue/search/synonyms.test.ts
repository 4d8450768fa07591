/** The curated synonyms: what citizens type, expanded into the catalogue's words. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandQuery } from './synonyms.js';

const expand = (q: string) => expandQuery(q.split(' ')).map((a) => a.join(' '));

describe('expandQuery', () => {
  const cases: [string, string[]][] = [
    ['khai sinh', ['khai sinh']],
    ['so do', ['so do', 'giay chung nhan quyen su dung dat']],
    ['so hong', ['so hong', 'giay chung nhan quyen su dung dat']],
    [
      'lam so do',
      ['lam so do', 'lam giay chung nhan quyen su dung dat', 'so do', 'giay chung nhan quyen su dung dat'],
    ],
    ['bang lai xe', ['bang lai xe', 'giay phep lai xe']],
    ['ho khau', ['ho khau', 'thuong tru']],
    ['cccd', ['cccd', 'can cuoc']],
    ['cap lai can cuoc cong dan', ['cap lai can cuoc cong dan', 'cap lai can cuoc']],
    ['giay khai sinh', ['giay khai sinh', 'khai sinh']],
    ['dang ki ket hon', ['dang ki ket hon', 'dang ky ket hon']],
    ['xin giay phep xay dung', ['xin giay phep xay dung', 'giay phep xay dung']],
    ['lam', ['lam']],
  ];
  for (const [q, expected] of cases) it(q, () => assert.deepEqual(expand(q), expected));
  it('keeps at most 8 alternatives', () => {
    assert.ok(expandQuery('so do so hong cccd cmnd ho khau ki li qui'.split(' ')).length <= 8);
  });
});
