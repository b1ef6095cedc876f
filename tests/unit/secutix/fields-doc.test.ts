import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderFieldsDoc } from '../../../shared/secutix/fields-doc';

const DOC = fileURLToPath(new URL('../../../docs/secutix-fields.md', import.meta.url));

describe('docs/secutix-fields.md', () => {
  it('is generated from the field table and up to date (UPDATE_DOCS=1 rewrites it)', async () => {
    // Formatted like `npm run format` would, so format:check and this test agree.
    const expected = await format(renderFieldsDoc(), { ...(await resolveConfig(DOC)), parser: 'markdown' });
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    expect(readFileSync(DOC, 'utf8')).toBe(expected);
    expect(expected).toMatch(/\| `TELEPHONE` +\|/);
    expect(expected).toContain('`CRIT01` … `CRIT50`');
  });
});
