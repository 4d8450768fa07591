/**
 * The whole import, pure: source texts in, versioned units, crosswalk edges, aliases, profiles and
 * the anomaly report out. The same texts always give the same output, in the same order, so a
 * second import finds nothing to change.
 */
import { AnomalyLog, compareText } from './anomalies.js';
import { buildCrosswalk } from './build-crosswalk.js';
import { buildVersions } from './build-versions.js';
import { countCatalogue } from './catalogue-common.js';
import { parseCurrentCatalogue, parseUnitTypeLookup } from './catalogue-current.js';
import { parsePreReformCatalogue } from './catalogue-pre-reform.js';
import { parseCrosswalk } from './crosswalk.js';
import { checkGsoExport } from './gso-export.js';
import { readSapnhap } from './sapnhap.js';
import type { SourceTexts } from './sources.js';
import type { AdminUnitImport, CrosswalkEdge, ImportCounts } from './types.js';

export function buildAdminUnitImport(texts: SourceTexts): AdminUnitImport {
  const log = new AnomalyLog();
  const types = parseUnitTypeLookup(texts.unitTypes);
  const pre = parsePreReformCatalogue(texts.preReform, log);
  const reform = parseCurrentCatalogue(texts.reform2025, 'reform2025', types, log);
  const update = parseCurrentCatalogue(texts.update2026, 'update2026', types, log);
  const gsoExportRows = checkGsoExport(texts.gsoExport, pre, log);
  const crosswalkFile = parseCrosswalk(texts.crosswalk, log);
  const { edges, aliases } = buildCrosswalk(crosswalkFile, pre, reform, log);
  const versions = buildVersions(pre, reform, update, log, newNamesByCode(edges));
  const sapnhap = readSapnhap(texts.sapnhap, reform, log);
  const profiles = sapnhap.profiles.sort((a, b) => compareText(a.code, b.code));
  const anomalies = log.list();
  const counts: ImportCounts = {
    preReform: countCatalogue(pre),
    reform2025: countCatalogue(reform),
    update2026: countCatalogue(update),
    crosswalk: {
      records: crosswalkFile.records,
      mappingRows: crosswalkFile.rows.length,
      headingRows: crosswalkFile.headingRows,
      oldCodes: distinct(edges, 'oldCode'),
      newCodes: distinct(edges, 'newCode'),
    },
    gsoExportRows,
    sapnhap: { rows: sapnhap.rows, matched: profiles.length },
    versions: versions.length,
    aliases: aliases.length,
    edges: {
      whole: edges.filter((e) => e.kind === 'whole').length,
      partial: edges.filter((e) => e.kind === 'partial').length,
    },
    anomalies: anomalies.length,
  };
  return { versions, aliases, edges, profiles, anomalies, counts };
}

function newNamesByCode(edges: readonly CrosswalkEdge[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const edge of edges) {
    const list = names.get(edge.newCode) ?? [];
    if (!list.includes(edge.newName)) list.push(edge.newName);
    names.set(edge.newCode, list);
  }
  return names;
}

function distinct(edges: readonly CrosswalkEdge[], key: 'oldCode' | 'newCode'): number {
  return new Set(edges.map((e) => e[key]).filter((c) => c !== null)).size;
}
