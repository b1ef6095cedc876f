import type { JobProgress } from '../../shared/contract/jobs';

/** Renders job progress on stderr, only when stderr is a terminal (never pollutes pipes/JSON). */
export class ProgressBar {
  private lastLen = 0;
  private readonly started = Date.now();

  constructor(
    private readonly write: (s: string) => void,
    private readonly enabled: boolean,
  ) {}

  update(p: JobProgress): void {
    if (!this.enabled) return;
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    let line: string;
    if (p.total && p.total > 0) {
      const ratio = Math.min(1, p.done / p.total);
      const width = 30;
      const filled = Math.round(ratio * width);
      line = `${p.phase} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0)}% ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} ${secs}s`;
    } else {
      line = `${p.phase} ${p.done.toLocaleString('en')} ${secs}s`;
    }
    const pad = Math.max(0, this.lastLen - line.length);
    this.write(`\r${line}${' '.repeat(pad)}`);
    this.lastLen = line.length;
  }

  clear(): void {
    if (!this.enabled || this.lastLen === 0) return;
    this.write(`\r${' '.repeat(this.lastLen)}\r`);
    this.lastLen = 0;
  }
}
