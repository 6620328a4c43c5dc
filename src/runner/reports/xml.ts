/**
 * A small non-validating XML parser for test and coverage reports: elements, attributes, the five predefined
 * entities and character references, CDATA, comments and processing instructions. The DOCTYPE (JaCoCo writes
 * one) is skipped whole: no DTD is read, no entity it declares is expanded, nothing external is ever fetched, so
 * neither "billion laughs" nor external-entity tricks apply. Namespaces are not resolved: element names are
 * matched by their local part (`<ns:testcase>` is `testcase`).
 */

export interface XmlElement {
  /** Local name (after any `prefix:`). */
  readonly name: string;
  /** Attributes by name as written (`xmlns:xsi`, `name`). */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own character data (text and CDATA, not its children's), entities decoded. */
  readonly text: string;
  /** 1-based line of the start tag. */
  readonly line: number;
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
  }
}

interface MutableElement {
  name: string;
  attrs: Record<string, string>;
  children: MutableElement[];
  text: string;
  line: number;
}

const MAX_DEPTH = 512;
const NAME_RE = /^[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9._:\u00B7\u00C0-\uFFFF]*$/;

/** Decodes report bytes: BOM (UTF-8, UTF-16 LE/BE), else the XML declaration's encoding, else UTF-8. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared !== undefined) {
    try {
      return new TextDecoder(declared.toLowerCase()).decode(bytes);
    } catch {
      // unknown label: fall through to UTF-8
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** Parses a whole document and returns its root element; throws XmlError on malformed input. */
export function parseXml(input: string): XmlElement {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let pos = 0;
  let line = 1;
  const advanceTo = (next: number): void => {
    for (let i = pos; i < next; i++) if (text.charCodeAt(i) === 10) line++;
    pos = next;
  };
  const fail = (message: string): never => {
    throw new XmlError(message, line);
  };
  const addText = (chars: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += chars;
    else if (chars.trim() !== '') fail('text outside the root element');
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      addText(decodeEntities(text.slice(pos)));
      advanceTo(text.length);
      break;
    }
    if (lt > pos) {
      addText(decodeEntities(text.slice(pos, lt)));
      advanceTo(lt);
    }
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) fail('unterminated comment');
      advanceTo(end + 3);
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) fail('unterminated CDATA section');
      if (stack.length === 0) fail('CDATA outside the root element');
      addText(text.slice(pos + 9, end));
      advanceTo(end + 3);
    } else if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) fail('unterminated processing instruction');
      advanceTo(end + 2);
    } else if (text.startsWith('<!DOCTYPE', pos) || text.startsWith('<!doctype', pos)) {
      if (root !== undefined || stack.length > 0) fail('DOCTYPE after the root element started');
      advanceTo(skipDoctype(text, pos, fail));
    } else if (text.startsWith('</', pos)) {
      const end = text.indexOf('>', pos + 2);
      if (end < 0) fail('unterminated end tag');
      const qname = text.slice(pos + 2, end).trim();
      const top = stack.pop();
      if (!top) fail(`unexpected end tag </${qname}>`);
      else if (localName(qname) !== top.name) fail(`end tag </${qname}> does not match <${top.name}>`);
      advanceTo(end + 1);
    } else {
      const startLine = line;
      const { end, qname, attrs, selfClosing } = readStartTag(text, pos, fail);
      if (stack.length === 0 && root !== undefined) fail('more than one root element');
      if (stack.length >= MAX_DEPTH) fail(`elements nested deeper than ${MAX_DEPTH}`);
      const element: MutableElement = { name: localName(qname), attrs, children: [], text: '', line: startLine };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root = element;
      if (!selfClosing) stack.push(element);
      advanceTo(end);
    }
  }
  if (stack.length > 0) fail(`unclosed element <${(stack[stack.length - 1] as MutableElement).name}>`);
  if (root === undefined) fail('no root element');
  return root as XmlElement;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function readStartTag(
  text: string,
  start: number,
  fail: (message: string) => never,
): { end: number; qname: string; attrs: Record<string, string>; selfClosing: boolean } {
  let i = start + 1;
  const nameStart = i;
  while (i < text.length && !/[\s/>]/.test(text[i] as string)) i++;
  const qname = text.slice(nameStart, i);
  if (!NAME_RE.test(qname)) fail(`invalid element name ${JSON.stringify(qname)}`);
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (i >= text.length) fail(`unterminated start tag <${qname}>`);
    const ch = text[i];
    if (ch === '>') return { end: i + 1, qname, attrs, selfClosing: false };
    if (ch === '/') {
      if (text[i + 1] !== '>') fail(`bad "/" in start tag <${qname}>`);
      return { end: i + 2, qname, attrs, selfClosing: true };
    }
    const attrStart = i;
    while (i < text.length && !/[\s=/>]/.test(text[i] as string)) i++;
    const attrName = text.slice(attrStart, i);
    if (!NAME_RE.test(attrName)) fail(`invalid attribute name in <${qname}>`);
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (text[i] !== '=') fail(`attribute ${attrName} of <${qname}> has no value`);
    i++;
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") fail(`attribute ${attrName} of <${qname}> is not quoted`);
    const close = text.indexOf(quote as string, i + 1);
    if (close < 0) fail(`unterminated attribute ${attrName} of <${qname}>`);
    const raw = text.slice(i + 1, close);
    if (raw.includes('<')) fail(`"<" in attribute ${attrName} of <${qname}>`);
    if (attrName in attrs) fail(`duplicate attribute ${attrName} in <${qname}>`);
    attrs[attrName] = decodeEntities(raw.replace(/[\t\n\r]/g, ' '));
    i = close + 1;
  }
}

/** Index just past the DOCTYPE declaration, internal subset included. */
function skipDoctype(text: string, start: number, fail: (message: string) => never): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start + 9; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '<' && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 2;
    } else if (ch === '>' && depth <= 0) return i + 1;
  }
  return fail('unterminated DOCTYPE');
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Predefined entities and character references; any other `&name;` is kept as written (never expanded). */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][A-Za-z0-9._-]*);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Navigation helpers

/** Direct children with this local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** Text of the element and all its descendants, in document order. */
export function deepText(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  let out = element.text;
  for (const c of element.children) out += deepText(c);
  return out;
}

/** Depth-first visit with the chain of ancestors (outermost first). */
export function visit(element: XmlElement, fn: (element: XmlElement, ancestors: readonly XmlElement[]) => void): void {
  const walk = (el: XmlElement, ancestors: XmlElement[]): void => {
    fn(el, ancestors);
    ancestors.push(el);
    for (const c of el.children) walk(c, ancestors);
    ancestors.pop();
  };
  walk(element, []);
}
