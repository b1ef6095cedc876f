import { describe, expect, it } from 'vitest';
import {
  bindTemplate,
  parseTemplate,
  templateFromMapping,
  unmappedColumns,
} from '../../../shared/mapping/template';
import { interpretRow } from '../../../shared/mapping/interpret';
import { mappingSchema } from '../../../shared/mapping/schema';

const cols = (...names: string[]) => names.map((name, index) => ({ index, name }));
const mapping = mappingSchema.parse({
  rules: [
    { targets: ['FIRSTNAME'], sources: ['Vorname'], transform: { type: 'trim' } },
    { targets: ['LASTNAME'], sources: ['Nachname'], transform: { type: 'trim' } },
    { targets: ['EMAIL1'], sources: ['E-Mail'], transform: { type: 'trim' } },
    { targets: ['TITLE'], sources: ['Anrede'], transform: { type: 'valueMap', preset: 'title' } },
  ],
});

describe('mapping templates', () => {
  it('round-trips through JSON with a format marker and a version', () => {
    const t = templateFromMapping(mapping, cols('Vorname', 'Nachname', 'E-Mail', 'Anrede'), 'Kunde A');
    const back = parseTemplate(JSON.stringify(t));
    expect(back).toEqual(t);
    expect(back).toMatchObject({ format: 'contact-prep.mapping-template', version: 1, name: 'Kunde A' });
  });

  it('maps a file with reordered and respelled columns the same way', () => {
    const t = templateFromMapping(mapping, cols('Vorname', 'Nachname', 'E-Mail', 'Anrede'));
    const other = cols('EMAIL', 'Anrede', 'Nachname', 'Vorname');
    const bound = bindTemplate(t, other);
    expect(bound.missing).toEqual([]);
    expect(bound.renamed).toEqual([{ template: 'E-Mail', source: 'EMAIL' }]);
    expect(interpretRow(bound.mapping, ['a@b.ch', 'Frau', 'Meier', 'Anna'], other).data).toEqual({
      FIRSTNAME: 'Anna',
      LASTNAME: 'Meier',
      EMAIL1: 'a@b.ch',
      TITLE: 'MRS',
    });
  });

  it('reports columns the new file lacks and leaves their rules out', () => {
    const t = templateFromMapping(mapping, cols('Vorname', 'Nachname', 'E-Mail', 'Anrede'));
    const bound = bindTemplate(t, cols('Vorname', 'Nachname'));
    expect(bound.missing).toEqual(['E-Mail', 'Anrede']);
    expect(bound.mapping.rules.map((r) => r.targets[0])).toEqual(['FIRSTNAME', 'LASTNAME']);
    expect(bound.droppedRules).toHaveLength(2);
  });

  it('lists the columns no rule reads', () => {
    expect(unmappedColumns(mapping, cols('Vorname', 'Kundennr', 'E-Mail', 'Notiz'))).toEqual([
      'Kundennr',
      'Notiz',
    ]);
  });

  it('refuses files that are not templates, or come from a newer version, with clear messages', () => {
    expect(() => parseTemplate('{nope')).toThrow(/not valid JSON/);
    expect(() => parseTemplate({ hello: 1 })).toThrow(/Not a ContactPrep mapping template: format/);
    expect(() => parseTemplate({ format: 'contact-prep.mapping-template', version: 9, mapping })).toThrow(
      /version 9.*Update ContactPrep/,
    );
  });
});
