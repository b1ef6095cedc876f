import type { Contact } from '../../../shared/domain';
import type { Finding, Severity } from './check';

const PLACEHOLDER = /\{(\w+)\}/;
/** Templates split once into [text, name, text, name, …, text]; they are code literals (bounded). */
const compiled = new Map<string, string[]>();
const MAX_TEMPLATES = 2000;

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER); // the capture group puts each name at an odd index
    if (compiled.size < MAX_TEMPLATES) compiled.set(template, parts);
  }
  return parts;
}

/**
 * Replaces `{name}` placeholders with params (English message; the UI translates `messageKey`).
 * An unknown `{name}` stays as written. Same result as a global regex replace, without scanning
 * the template on every finding (~2 findings per row).
 */
export function renderMessage(template: string, params: Record<string, string | number>): string {
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (k in params ? String(params[k]) : `{${k}}`) + parts[i + 1]!;
  }
  return out;
}

/**
 * Builds a finding with the conventional message key `checks.<code>`; `message` is the English
 * template rendered with `params`.
 */
export function finding(
  contact: Pick<Contact, 'id'>,
  field: string,
  code: string,
  severity: Severity,
  template: string,
  params: Record<string, string | number> = {},
  suggestion?: Record<string, string | null>,
  confidence = 1,
): Finding {
  const f: Finding = {
    rowId: contact.id,
    field,
    code,
    severity,
    messageKey: `checks.${code}`,
    params,
    message: renderMessage(template, params),
    confidence,
  };
  if (suggestion) f.suggestion = suggestion;
  return f;
}
