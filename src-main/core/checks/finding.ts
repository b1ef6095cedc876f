import type { Contact } from '../../../shared/domain';
import type { Finding, Severity } from './check';

/** Replaces `{name}` placeholders with params (English message; the UI translates `messageKey`). */
export function renderMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
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
