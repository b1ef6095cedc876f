/** Receives the elements of an XML stream. Names are given without namespace prefix. */
export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Value of attribute `name` in the raw attribute text of a tag, entities decoded. */
export function attr(raw: string, name: string): string | undefined {
  const key = name + '=';
  let i = raw.indexOf(key);
  while (i !== -1) {
    const prev = raw.charCodeAt(i - 1);
    if (prev === 32 || prev === 9 || prev === 10 || prev === 13) {
      const q = raw[i + key.length];
      const start = i + key.length + 1;
      const end = raw.indexOf(q!, start);
      return decodeEntities(raw.slice(start, end));
    }
    i = raw.indexOf(key, i + 1);
  }
  return undefined;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

/**
 * A small streaming XML tokenizer for the machine-written parts of an .xlsx (sheets, shared
 * strings, styles, workbook). It is several times faster than a general SAX parser because it
 * jumps between `<` and `>` with indexOf and leaves attribute parsing to the handler. It does not
 * validate; text is passed with entities decoded; an unfinished tag or entity at the end of a
 * chunk waits for the next chunk.
 */
export class XmlScanner {
  private rest = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const s = this.rest.length ? this.rest + chunk : chunk;
    const h = this.handler;
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt === -1) break;
      if (lt > i) h.text(decodeEntities(s.slice(i, lt)));
      i = lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end === -1) break;
          h.text(s.slice(lt + 9, end));
          i = end + 3;
        } else {
          const end = s.indexOf(s.startsWith('<!--', lt) ? '-->' : '>', lt + 2);
          if (end === -1) break;
          i = end + (s.startsWith('<!--', lt) ? 3 : 1);
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end === -1) break;
        i = end + 2;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt === -1) break;
      if (next === 47 /* / */) {
        h.close(localName(s.slice(lt + 2, gt).trim()));
      } else {
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const bodyEnd = selfClosing ? gt - 1 : gt;
        let nameEnd = lt + 1;
        while (nameEnd < bodyEnd) {
          const c = s.charCodeAt(nameEnd);
          if (c === 32 || c === 9 || c === 10 || c === 13) break;
          nameEnd++;
        }
        const name = localName(s.slice(lt + 1, nameEnd));
        h.open(name, s.slice(nameEnd, bodyEnd), selfClosing);
        if (selfClosing) h.close(name);
      }
      i = gt + 1;
    }
    // Keep an unfinished tag, or text that may end in a cut entity, for the next chunk.
    this.rest = s.slice(i);
  }

  end(): void {
    if (this.rest.trim().length) this.handler.text(decodeEntities(this.rest));
    this.rest = '';
  }
}

/** Index of the `>` closing the tag that starts before `from`, skipping quoted attribute values. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let j = from; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j;
  }
  return -1;
}

/**
 * Scans a whole XML stream of byte chunks (UTF-8, decoded without splitting characters).
 * `between` runs after each chunk; when it returns true the scan stops early.
 */
export async function scanXml(
  chunks: AsyncIterable<Buffer>,
  handler: XmlHandler,
  between?: () => Promise<boolean>,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const scanner = new XmlScanner(handler);
  for await (const chunk of chunks) {
    scanner.write(decoder.decode(chunk, { stream: true }));
    if (between && (await between())) return;
  }
  scanner.write(decoder.decode());
  scanner.end();
}
