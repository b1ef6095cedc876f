import type { Handlers } from '../../../shared/contract/handlers';
import { AppError } from '../../../shared/errors';
import { compileMapping } from '../../../shared/mapping/interpret';
import {
  bindTemplate,
  parseTemplate,
  templateFromMapping,
  unmappedColumns,
} from '../../../shared/mapping/template';
import { applyMapping } from '../mapping/apply-mapping';
import { distinctColumnValues } from '../mapping/column-values';
import { getSourceMapping, listMappingProblems, saveSourceMapping } from '../mapping/mapping-store';
import { setContactsKind, setContactsOperation } from '../mapping/row-settings';
import { suggestForSource } from '../mapping/suggest-source';
import { assignNumbers } from '../numbers/assign-numbers';
import { numbersStatus, reservedRangeViolations } from '../numbers/number-report';
import {
  getNumberRange,
  getReservedRange,
  setNumberRange,
  setReservedRange,
} from '../numbers/number-settings';
import { getSource, getSourceRows } from '../sources/source-store';
import type { HostContext } from './host-context';

type MappingHandlerName =
  | 'mapping.suggest'
  | 'mapping.get'
  | 'mapping.save'
  | 'mapping.preview'
  | 'mapping.apply'
  | 'mapping.problems'
  | 'mapping.values'
  | 'mapping.templateExport'
  | 'mapping.templateBind'
  | 'numbers.status'
  | 'numbers.configure'
  | 'numbers.assign'
  | 'numbers.violations'
  | 'contacts.setOperation'
  | 'contacts.setKind';

function requireMapping(host: HostContext, sourceId: number) {
  const stored = getSourceMapping(host.ws.db, sourceId);
  if (!stored)
    throw new AppError(
      'mapping.none',
      `Source ${sourceId} has no saved mapping yet: suggest or load one first.`,
      {
        sourceId,
      },
    );
  return stored;
}

export function mappingHandlers(host: HostContext): Pick<Handlers, MappingHandlerName> {
  const { ws } = host;
  return {
    'mapping.suggest': async (a) => suggestForSource(ws.db, a.sourceId, a.sampleRows),
    'mapping.get': async (a) => {
      const stored = getSourceMapping(ws.db, a.sourceId);
      if (!stored) return null;
      return { ...stored, unmapped: unmappedColumns(stored.mapping, getSource(ws.db, a.sourceId).columns) };
    },
    'mapping.save': async (a) => {
      const source = getSource(ws.db, a.sourceId);
      compileMapping(a.mapping, source.columns); // refuses unknown columns/fields before saving
      saveSourceMapping(ws.db, a.sourceId, a.mapping, { origin: 'user' });
      return { saved: true };
    },
    'mapping.preview': async (a) => {
      const source = getSource(ws.db, a.sourceId);
      const mapRow = compileMapping(a.mapping, source.columns);
      return getSourceRows(ws.db, a.sourceId, { limit: a.limit, offset: 0 }).map((r) => ({
        rowNumber: r.rowNumber,
        ...mapRow(r.cells),
      }));
    },
    'mapping.apply': async (a) => {
      const stored = a.mapping ? undefined : requireMapping(host, a.sourceId);
      const mapping = a.mapping ?? stored!.mapping;
      const { jobId } = host.jobs.start('mapping.apply', (job) =>
        applyMapping(ws, a.sourceId, mapping, job, {
          replace: a.replace,
          discardEdits: a.discardEdits,
          origin: stored?.origin ?? 'user',
          templateName: stored?.templateName,
        }),
      );
      return { jobId };
    },
    'mapping.problems': async (a) => listMappingProblems(ws.db, a),
    'mapping.values': async (a) =>
      distinctColumnValues(ws.db, a.sourceId, a.column, { limit: a.limit, transform: a.transform }),
    'mapping.templateExport': async (a) => {
      const source = getSource(ws.db, a.sourceId);
      return templateFromMapping(requireMapping(host, a.sourceId).mapping, source.columns, a.name);
    },
    'mapping.templateBind': async (a) =>
      bindTemplate(parseTemplate(a.template), getSource(ws.db, a.sourceId).columns),
    'numbers.status': async () => numbersStatus(ws),
    'numbers.configure': async (a) => {
      if (a.range) setNumberRange(ws, a.range);
      if (a.reserved) setReservedRange(ws, a.reserved);
      return { range: getNumberRange(ws) ?? null, reserved: getReservedRange(ws) ?? null };
    },
    'numbers.assign': async (a) => {
      const r = assignNumbers(ws, { contactIds: a.contactIds });
      return { assigned: r.assigned, first: r.first, last: r.last, opId: r.opId };
    },
    'numbers.violations': async () => reservedRangeViolations(ws),
    'contacts.setOperation': async (a) => setContactsOperation(ws, a.contactIds, a.operation),
    'contacts.setKind': async (a) => setContactsKind(ws, a.contactIds, a.kind),
  };
}
