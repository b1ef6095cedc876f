import { LEGACY_CODES, SECUTIX_FIELDS, type SecutixField } from './fields';

const KIND_NAMES: Record<string, string> = { I: 'individual', S: 'structure', R: 'relay' };

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeText(f: SecutixField): string {
  const parts: string[] = [f.type];
  if (f.maxLength) parts.push(`max ${f.maxLength}`);
  if (f.allowed && f.allowed.length <= 8)
    parts.push(`${f.allowedExtensible ? 'standard: ' : ''}${f.allowed.join(', ')}`);
  else if (f.allowed) parts.push(`${f.allowed.length} ISO codes`);
  if (f.textCell) parts.push('text cell');
  return parts.join('; ');
}

function invalidText(f: SecutixField): string {
  const s =
    f.onTooLong && f.onTooLong !== f.onInvalid ? `${f.onInvalid} (too long: ${f.onTooLong})` : f.onInvalid;
  return f.mandatory ? `${s}; mandatory` : s;
}

/**
 * docs/secutix-fields.md, rendered from the field table (tests/unit/secutix/fields-doc.test.ts
 * fails when the committed file is out of date; UPDATE_DOCS=1 rewrites it).
 */
export function renderFieldsDoc(): string {
  const individual = SECUTIX_FIELDS.filter((f) => !/^CRIT\d\d$/.test(f.code) || f.code === 'CRIT01');
  const lines = [
    '# SecuTix Extended contact import: field reference',
    '',
    '<!-- Generated from shared/secutix/fields.ts by tests/unit/secutix/fields-doc.test.ts (UPDATE_DOCS=1). Do not edit. -->',
    '',
    'Columns in the documented order of spec §3.11 (the built-in template uses it; a customer template keeps its own order).',
    'Kinds: I individual, S structure, R relay. Invalid → what SecuTix does with an invalid value:',
    '`row-rejected`, `field-ignored` (only the field is dropped), `truncated` (SecuTix cuts it; ContactPrep warns),',
    '`unknown` (not documented; the export rejects the row by default, see docs/secutix-export.md).',
    'Confidence: confirmed [C], inferred [I], conflict [X] between SecuTix page versions.',
    '',
    '| # | Code | Label (EN / FR / DE) | Type | Kinds | Invalid → | Conf. | Description | Spec |',
    '|---|---|---|---|---|---|---|---|---|',
    ...individual.map((f) =>
      [
        '',
        String(f.order + 1),
        f.code === 'CRIT01' ? '`CRIT01` … `CRIT50`' : `\`${f.code}\``,
        cell(
          f.code === 'CRIT01'
            ? 'Criterion 01…50 / Critère / Kriterium'
            : `${f.labels.en} / ${f.labels.fr} / ${f.labels.de}`,
        ),
        cell(typeText(f)),
        f.appliesTo.join(''),
        invalidText(f),
        f.confidence,
        cell(f.description + (f.notes ? ` ${f.notes}` : '')),
        cell(f.specRef),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
    '',
    `Kinds legend: ${Object.entries(KIND_NAMES)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ')}.`,
    '',
    '## Legacy or unconfirmed names (never exported; the validator names them)',
    '',
    '| Name | Note |',
    '|---|---|',
    ...Object.entries(LEGACY_CODES).map(([code, note]) => `| \`${code}\` | ${cell(note)} |`),
    '',
  ];
  return lines.join('\n');
}
