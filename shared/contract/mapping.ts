import { z } from 'zod';
import {
  mappingSchema,
  transformSchema,
  type CellProblem,
  type Mapping,
  type MappingTemplate,
} from '../mapping/schema';
import type { SuggestionResult } from '../mapping/suggest';
import type { BoundTemplate } from '../mapping/template';
import { OPERATIONS } from '../secutix/fields';

const sourceId = z.number().int().positive();
const digitString = z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).transform(String);
const contactIds = z.array(z.number().int().positive()).min(1).max(1_000_000);

/** RPC arguments of the mapping domain (column mapping, templates, contact numbers, operation/kind per row). */
export const mappingArgs = {
  /** Suggested field per column (header + content profile) and the mapping made of them. */
  'mapping.suggest': z.object({ sourceId, sampleRows: z.number().int().positive().max(5000).default(500) }),
  /** The source's saved mapping, or null. */
  'mapping.get': z.object({ sourceId }),
  'mapping.save': z.object({ sourceId, mapping: mappingSchema }),
  /** The first rows mapped with a (not yet saved) mapping: values and problems, nothing written. */
  'mapping.preview': z.object({
    sourceId,
    mapping: mappingSchema,
    limit: z.number().int().positive().max(500).default(20),
  }),
  /** Creates contacts from the source as a job (`mapping` omitted = the saved one). */
  'mapping.apply': z.object({
    sourceId,
    mapping: mappingSchema.optional(),
    replace: z.boolean().default(false),
    discardEdits: z.boolean().default(false),
  }),
  'mapping.problems': z.object({
    sourceId: sourceId.optional(),
    limit: z.number().int().positive().max(10_000).default(1000),
    offset: z.number().int().min(0).default(0),
  }),
  /** Distinct values of a column, most frequent first, and what a valueMap would make of them. */
  'mapping.values': z.object({
    sourceId,
    column: z.string().min(1),
    limit: z.number().int().positive().max(5000).default(200),
    transform: transformSchema.optional(),
  }),
  /** The source's saved mapping as a template (JSON) to save as a file and reuse elsewhere. */
  'mapping.templateExport': z.object({ sourceId, name: z.string().default('') }),
  /** Binds a template (parsed JSON) to a source's columns by header; reports missing columns. */
  'mapping.templateBind': z.object({ sourceId, template: z.unknown() }),
  'numbers.status': z.object({}),
  'numbers.configure': z.object({
    range: z
      .object({ start: digitString, end: digitString, width: z.number().int().min(0).max(20) })
      .optional(),
    reserved: z.object({ start: digitString, end: digitString }).optional(),
  }),
  /** Numbers contacts without one (all, or the given ids) from the range; undoable. */
  'numbers.assign': z.object({ contactIds: contactIds.optional() }),
  'numbers.violations': z.object({}),
  'contacts.setOperation': z.object({ contactIds, operation: z.enum(OPERATIONS) }),
  'contacts.setKind': z.object({
    contactIds,
    kind: z.enum(['individual', 'structure', 'structure_relay']).nullable(),
  }),
};

/** Result of a bulk change recorded as one history operation (null opId: nothing changed). */
export interface AppliedOperationResult {
  opId: number | null;
  changed: number;
  contactIds: number[];
}

export interface MappingPreviewRow {
  rowNumber: number;
  data: Record<string, string>;
  problems: CellProblem[];
}

export interface StoredMappingInfo {
  sourceId: number;
  mapping: Mapping;
  origin: 'suggested' | 'template' | 'user';
  templateName: string | null;
  updatedAt: string;
  appliedAt: string | null;
  appliedContacts: number | null;
}

export interface NumberRangeInfo {
  start: string;
  end: string;
  width: number;
}

export interface NumbersStatusInfo {
  contacts: number;
  withNumber: number;
  withoutNumber: number;
  highest: string | null;
  range: NumberRangeInfo | null;
  reserved: { start: string; end: string } | null;
  violations: number;
}

export interface MappingResults {
  'mapping.suggest': SuggestionResult;
  /** `unmapped`: source columns no rule reads (kept in the source layer only). */
  'mapping.get': (StoredMappingInfo & { unmapped: string[] }) | null;
  'mapping.save': { saved: true };
  'mapping.preview': MappingPreviewRow[];
  'mapping.apply': { jobId: string };
  'mapping.problems': Array<
    CellProblem & {
      sourceId: number;
      sourceRowId: number | null;
      contactId: number | null;
      rowNumber: number;
    }
  >;
  'mapping.values': {
    column: string;
    distinct: number;
    values: Array<{ value: string; count: number; mapped?: string }>;
  };
  'mapping.templateExport': MappingTemplate;
  'mapping.templateBind': BoundTemplate;
  'numbers.status': NumbersStatusInfo;
  'numbers.configure': { range: NumberRangeInfo | null; reserved: { start: string; end: string } | null };
  'numbers.assign': { assigned: number; first: string | null; last: string | null; opId: number | null };
  'numbers.violations': Array<{
    contactId: number;
    contactNr: string;
    reason: 'not-digits' | 'outside-reserved';
    message: string;
  }>;
  'contacts.setOperation': AppliedOperationResult;
  'contacts.setKind': AppliedOperationResult;
}
