import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Workspace } from '../../src-main/core/db/workspace';

const dirs: string[] = [];
const open: Workspace[] = [];

/** A fresh temp directory, removed after the test. */
export function tempDir(prefix = 'cprep-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** A real workspace file in a temp directory, closed and removed after the test. */
export function tempWorkspace(name = 'test.cprep'): Workspace {
  const ws = Workspace.create(join(tempDir(), name));
  open.push(ws);
  return ws;
}

/** Registers a workspace opened by the test so it is closed afterwards. */
export function track(ws: Workspace): Workspace {
  open.push(ws);
  return ws;
}

afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
