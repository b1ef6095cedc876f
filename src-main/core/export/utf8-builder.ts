/**
 * Collects text as UTF-8 bytes in one growing buffer. A worker encodes its batch here and hands the
 * buffer over without a copy (transfer), so the writing thread neither joins, copies nor encodes
 * the text. Encoding a few KB at a time also avoids flattening one large string of ropes first
 * (measured: 1.45 µs a row with the CSV formatting, vs 2.3 with one join and encode per batch).
 */
export class Utf8Builder {
  private buf: Buffer;
  private used = 0;

  constructor(initialBytes = 1 << 16) {
    // Not from Buffer's shared pool: the whole ArrayBuffer may be transferred to another thread.
    this.buf = Buffer.allocUnsafeSlow(initialBytes);
  }

  /** Text not encoded yet: short strings are encoded a few KB at a time (fewer, larger writes). */
  private pending = '';

  append(text: string): void {
    this.pending += text;
    if (this.pending.length >= 8192) this.encodePending();
  }

  private encodePending(): void {
    const text = this.pending;
    this.pending = '';
    // A UTF-16 unit takes at most 3 UTF-8 bytes (a surrogate pair: 4 for 2 units).
    const need = this.used + text.length * 3;
    if (need > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  /** The bytes written (a view on the builder's own ArrayBuffer: use the builder no more). */
  bytes(): Uint8Array {
    if (this.pending !== '') this.encodePending();
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.used);
  }
}
