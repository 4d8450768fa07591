/**
 * Settling whole or partial for each edge. The note says what the NSO wrote for that row, but the
 * table's structure says more: an old commune listed under several new communes was split, so
 * every one of its edges is partial whatever its note. Disagreements are reported.
 */
import type { AnomalyLog } from './anomalies.js';
import type { NoteReading } from './crosswalk-notes.js';
import { SOURCE_FILES } from './sources.js';
import type { CrosswalkEdge } from './types.js';

/** An edge whose kind is still only what its note says. */
export type DraftEdge = Omit<CrosswalkEdge, 'kind'> & { noteKind: NoteReading['kind'] };

export function settleKinds(drafts: readonly DraftEdge[], log: AnomalyLog): CrosswalkEdge[] {
  const successors = new Map<string, Set<string>>();
  for (const d of drafts) {
    if (d.oldCode === null) continue;
    const set = successors.get(d.oldCode) ?? new Set<string>();
    set.add(d.newCode);
    successors.set(d.oldCode, set);
  }
  return drafts.map(({ noteKind, ...edge }) => {
    const count = edge.oldCode === null ? 1 : (successors.get(edge.oldCode)?.size ?? 1);
    if (noteKind !== null && (noteKind === 'whole') === count > 1) reportConflict(edge, noteKind, count, log);
    const kind = noteKind === 'partial' || count > 1 ? 'partial' : 'whole';
    return { ...edge, kind };
  });
}

function reportConflict(
  edge: Omit<CrosswalkEdge, 'kind'>,
  noteKind: 'whole' | 'partial',
  count: number,
  log: AnomalyLog,
) {
  const codes = [edge.oldCode ?? '', edge.newCode];
  const place = {
    kind: 'kind_conflict' as const,
    source: SOURCE_FILES.crosswalk,
    row: edge.row,
    field: 'Ghi chú',
    codes,
  };
  if (noteKind === 'whole') {
    log.add({
      ...place,
      vi: `Ghi chú "${edge.note}" là toàn bộ, nhưng ${edge.oldName} (${edge.oldCode}) chia cho ${count} xã mới; ghi là một phần`,
      en: `Note "${edge.note}" says whole, but ${edge.oldName} (${edge.oldCode}) is split across ${count} new communes; recorded as partial`,
    });
  } else {
    log.add({
      ...place,
      vi: `Ghi chú "${edge.note}" là một phần, nhưng ${edge.oldName} (${edge.oldCode}) chỉ chuyển vào một xã mới; giữ là một phần theo ghi chú`,
      en: `Note "${edge.note}" says part, but ${edge.oldName} (${edge.oldCode}) goes to only one new commune; kept partial as noted`,
    });
  }
}
