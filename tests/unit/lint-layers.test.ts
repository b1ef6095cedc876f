import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules (DESIGN.md §2)', () => {
  it('rejects node:* in shared/', async () => {
    const msgs = await lintAs(
      'shared/bad.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(msgs.join('\n')).toMatch(/no-restricted-imports: .*shared\/ is pure TypeScript/);
  });

  it('rejects electron in src-main/core/', async () => {
    const msgs = await lintAs(
      'src-main/core/bad.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
    );
    expect(msgs.join('\n')).toMatch(/core\/ never imports electron/);
  });

  it('rejects src-main imports in the renderer', async () => {
    const msgs = await lintAs(
      'src-renderer/bad.ts',
      "import { Workspace } from '../src-main/core/db/workspace';\nexport const x = Workspace;\n",
    );
    expect(msgs.join('\n')).toMatch(/src-renderer\/ may import only shared/);
  });

  it('accepts the allowed direction (core importing shared)', async () => {
    const msgs = await lintAs(
      'src-main/core/ok.ts',
      "import { AppError } from '../../shared/errors';\nexport const x = AppError;\n",
    );
    expect(msgs.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  });
});

describe('layer rules do not over-match', () => {
  it('lets the renderer import a shared module whose name equals a Node builtin (contract/events)', async () => {
    const msgs = await lintAs(
      'src-renderer/ok.ts',
      "import type { Events } from '../shared/contract/events';\nexport type X = Events;\n",
    );
    expect(msgs.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  });

  it('still rejects the bare builtin name in the renderer', async () => {
    const msgs = await lintAs(
      'src-renderer/bad2.ts',
      "import { EventEmitter } from 'events';\nexport const x = EventEmitter;\n",
    );
    expect(msgs.join('\n')).toMatch(/src-renderer\/ may import only shared/);
  });
});
