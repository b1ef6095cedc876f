import type { Contact } from '../../../shared/domain';
import { COUNTRY_CODES, editDistance } from '../../../shared/reference/countries';
import { effectiveKind } from '../../../shared/secutix/contact-kind';
import { SECUTIX_EMAIL_REGEX } from '../../../shared/secutix/value-rules';
import type { Check, Finding } from './check';
import {
  COMMON_EMAIL_DOMAINS,
  COMMON_TLDS,
  PLACEHOLDER_DOMAINS,
  PLACEHOLDER_LOCALS,
  ROLE_LOCALS,
  SINGLE_DOMAIN_PROVIDERS,
} from './email-domains';
import { finding } from './finding';

const EMAIL_FIELDS = ['EMAIL1', 'EMAIL2', 'EMAIL3'] as const;
/** SecuTix's own check (spec §3.6), from the field model: an email failing it is not imported. */
export const SECUTIX_EMAIL = SECUTIX_EMAIL_REGEX;

const DOMAINS = new Set(COMMON_EMAIL_DOMAINS);
const KNOWN_TLDS = new Set([...COMMON_TLDS, ...COUNTRY_CODES.map((c) => c.toLowerCase())]);
const PLACEHOLDER_LOCAL = new Set(PLACEHOLDER_LOCALS);
const PLACEHOLDER_DOMAIN = new Set(PLACEHOLDER_DOMAINS);
const ROLE = new Set(ROLE_LOCALS);

/** Best-effort repair of a malformed address: `mailto:`, `Name <a@b.ch>`, spaces, `,` for `.`, `@@`. */
export function repairEmail(value: string): string {
  let v = value.trim().toLowerCase();
  const angle = /<([^<>]+@[^<>]+)>/.exec(v);
  if (angle) v = angle[1]!;
  v = v
    .replace(/^mailto:/, '')
    .replace(/\s+/g, '')
    .replace(/@+/g, '@');
  const at = v.lastIndexOf('@');
  if (at > 0) v = v.slice(0, at) + '@' + v.slice(at + 1).replace(/,/g, '.');
  return v.replace(/^[.'"(]+|[.'",;:)]+$/g, '').replace(/\.{2,}/g, '.');
}

/** A likely intended domain for a typo (`gmial.com` → `gmail.com`), or undefined. */
export function suggestDomain(domain: string): { domain: string; confidence: number } | undefined {
  if (DOMAINS.has(domain)) return undefined;
  const dot = domain.lastIndexOf('.');
  const name = domain.slice(0, dot);
  const tld = domain.slice(dot + 1);
  const single = SINGLE_DOMAIN_PROVIDERS[name];
  if (single) return { domain: single, confidence: 0.9 };
  if (domain.length >= 7) {
    const max = domain.length >= 10 ? 2 : 1;
    let best: { domain: string; d: number } | undefined;
    for (const cand of COMMON_EMAIL_DOMAINS) {
      // Same TLD: a typo in the provider name. Another *valid* TLD is a different, real domain.
      const candTld = cand.slice(cand.lastIndexOf('.') + 1);
      if (candTld !== tld && KNOWN_TLDS.has(tld)) continue;
      const d = editDistance(domain, cand, max);
      if (d <= max && (!best || d < best.d)) best = { domain: cand, d };
    }
    if (best) return { domain: best.domain, confidence: best.d === 1 ? 0.9 : 0.75 };
  }
  if (!KNOWN_TLDS.has(tld)) {
    const tlds = COMMON_TLDS.filter((t) => editDistance(tld, t, 1) <= 1);
    if (tlds.length === 1) return { domain: `${name}.${tlds[0]}`, confidence: 0.8 };
  }
  return undefined;
}

function isPlaceholder(local: string, domain: string): boolean {
  if (PLACEHOLDER_LOCAL.has(local) || PLACEHOLDER_DOMAIN.has(domain)) return true;
  const name = domain.slice(0, domain.indexOf('.'));
  return /^(.)\1+$/.test(local) || (local === name && local.length <= 3);
}

/**
 * EMAIL1..3: SecuTix's regex, trimming/lower case, typo domains, several addresses in one cell,
 * placeholders (`test@test.com`, `noreply@`), role mailboxes on individuals, repeats in one row.
 * Offline: no DNS or SMTP lookups.
 */
export const emailCheck: Check = {
  name: 'email',
  codes: [
    'email.syntax',
    'email.case-whitespace',
    'email.typo-domain',
    'email.multiple',
    'email.placeholder',
    'email.role',
    'email.duplicate',
  ],
  run(contact) {
    const out: Finding[] = [];
    const seen = new Map<string, string>();
    for (const field of EMAIL_FIELDS) {
      const value = contact.data[field];
      if (value === undefined) continue;
      const parts = value.split(/[\s,;/|]+/).filter((p) => p.includes('@'));
      if (parts.length >= 2) {
        out.push(multiple(contact, field, value, parts.map(repairEmail)));
        continue;
      }
      const normal = value.trim().toLowerCase();
      if (!SECUTIX_EMAIL.test(normal)) {
        const repaired = repairEmail(value);
        const ok = SECUTIX_EMAIL.test(repaired);
        out.push(
          finding(
            contact,
            field,
            'email.syntax',
            'error',
            'Invalid email "{value}": SecuTix will not import it (the rest of the row is kept).',
            { value },
            ok ? { [field]: fixDomain(repaired) } : undefined,
            0.8,
          ),
        );
        continue;
      }
      const at = normal.lastIndexOf('@');
      const local = normal.slice(0, at);
      const domain = normal.slice(at + 1);
      const typo = suggestDomain(domain);
      if (typo) {
        out.push(
          finding(
            contact,
            field,
            'email.typo-domain',
            'warning',
            'Email domain "{domain}" looks like a typo of {suggested}.',
            {
              value,
              domain,
              suggested: typo.domain,
            },
            { [field]: `${local}@${typo.domain}` },
            typo.confidence,
          ),
        );
      } else if (normal !== value) {
        out.push(
          finding(
            contact,
            field,
            'email.case-whitespace',
            'warning',
            'Write "{value}" as {normal} (SecuTix accepts lower case only).',
            {
              value,
              normal,
            },
            { [field]: normal },
            0.99,
          ),
        );
      }
      if (isPlaceholder(local, domain)) {
        out.push(
          finding(
            contact,
            field,
            'email.placeholder',
            'warning',
            '"{value}" is a placeholder, not a real address.',
            { value },
            {
              [field]: null,
            },
            0.7,
          ),
        );
      } else if (ROLE.has(local) && effectiveKind(contact) === 'individual') {
        out.push(
          finding(contact, field, 'email.role', 'info', '"{value}" is a shared mailbox on a person\'s row.', {
            value,
          }),
        );
      }
      const key = `${local}@${typo?.domain ?? domain}`;
      const first = seen.get(key);
      if (first)
        out.push(
          finding(
            contact,
            field,
            'email.duplicate',
            'info',
            '{value} repeats {first}.',
            { value, first },
            { [field]: null },
            0.95,
          ),
        );
      else seen.set(key, field);
    }
    return out;
  },
};

function fixDomain(email: string): string {
  const at = email.lastIndexOf('@');
  const typo = suggestDomain(email.slice(at + 1));
  return typo ? `${email.slice(0, at)}@${typo.domain}` : email;
}

/** `a@x.ch; b@y.ch` in one cell: first stays, the others go to empty EMAILn fields. */
function multiple(contact: Contact, field: string, value: string, parts: string[]): Finding {
  const free = EMAIL_FIELDS.filter((f) => f !== field && contact.data[f] === undefined);
  const valid = parts.every((p) => SECUTIX_EMAIL.test(p));
  let suggestion: Record<string, string> | undefined;
  if (valid && parts.length - 1 <= free.length) {
    suggestion = { [field]: fixDomain(parts[0]!) };
    parts.slice(1).forEach((p, i) => (suggestion![free[i]!] = fixDomain(p)));
  }
  return finding(
    contact,
    field,
    'email.multiple',
    'error',
    '{count} addresses in one cell: "{value}".',
    { value, count: parts.length },
    suggestion,
    0.9,
  );
}
