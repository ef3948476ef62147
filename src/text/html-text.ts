/**
 * The visible text of an HTML page, as plain text the splitter reads like a .txt file: each block element
 * (paragraph, heading, list item, table row...) becomes a paragraph, separated by a blank line; `<br>` becomes a
 * line break; white space inside text collapses to one space as a browser renders it. Scripts, styles, the
 * document head, templates and elements marked hidden are left out. A small tokenizer rather than a full parser:
 * article pages need no more, and the project carries no HTML dependency.
 */

/** Elements whose content is never shown. */
const INVISIBLE = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas',
  'select', 'datalist',
]);
/** Elements whose content is raw text: a "<" inside them opens no tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', shy: '\u00ad', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚',
  ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©', reg: '®',
  trade: '™', deg: '°', times: '×', divide: '÷', plusmn: '±', euro: '€', pound: '£', yen: '¥', cent: '¢',
  sect: '§', para: '¶', frac12: '½', frac14: '¼', frac34: '¾', aacute: 'á', agrave: 'à', acirc: 'â',
  auml: 'ä', atilde: 'ã', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', iacute: 'í', igrave: 'ì',
  icirc: 'î', iuml: 'ï', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', otilde: 'õ', uacute: 'ú',
  ugrave: 'ù', ucirc: 'û', uuml: 'ü', ntilde: 'ñ', ccedil: 'ç', Eacute: 'É', Aacute: 'Á', Oacute: 'Ó',
  Uuml: 'Ü', Ouml: 'Ö', Auml: 'Ä', szlig: 'ß',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/gu;

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    const isValid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return isValid ? String.fromCodePoint(codePoint) : whole;
  });
}

const START_TAG =
  /<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/uy;
const END_TAG = /<\/([A-Za-z][A-Za-z0-9:-]*)[^>]*>/uy;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu;
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/iu;

/** The `hidden` attribute or an inline style that hides the element. */
function isHidden(attributes: string): boolean {
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const name = (match[1] as string).toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (name === 'hidden' || (name === 'style' && HIDING_STYLE.test(value))) return true;
  }
  return false;
}

/** Collects text as a browser lays it out: paragraphs of lines, white space collapsed outside <pre>. */
class TextLayout {
  private readonly paragraphs: string[] = [];
  private lines: string[] = [];
  private line = '';
  private hasPendingSpace = false;

  addText(text: string, isPreformatted: boolean): void {
    if (isPreformatted) {
      const parts = text.split(/\r\n|\r|\n/u);
      parts.forEach((part, index) => {
        if (index > 0) this.breakLine();
        this.append(part);
      });
      return;
    }
    const collapsed = text.replace(/[ \t\n\r\f]+/gu, ' ');
    if (collapsed.startsWith(' ')) this.hasPendingSpace = true;
    const words = collapsed.trim();
    if (words.length > 0) this.append(words);
    if (collapsed.endsWith(' ') && words.length > 0) this.hasPendingSpace = true;
  }

  breakLine(): void {
    this.lines.push(this.line);
    this.line = '';
    this.hasPendingSpace = false;
  }

  breakParagraph(): void {
    this.breakLine();
    const lines = this.lines.map((line) => line.trim());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    while (lines.length > 0 && lines[0] === '') lines.shift();
    if (lines.length > 0) this.paragraphs.push(lines.join('\n'));
    this.lines = [];
  }

  toString(): string {
    this.breakParagraph();
    return this.paragraphs.join('\n\n');
  }

  private append(text: string): void {
    if (this.hasPendingSpace && this.line.length > 0) this.line += ' ';
    this.hasPendingSpace = false;
    this.line += text;
  }
}

/** Index just past the end tag `</name>` from `from`, or the text's end when it is missing. */
function skipRawText(html: string, name: string, from: number): number {
  const close = new RegExp(`</${name}[^>]*>`, 'giu');
  close.lastIndex = from;
  return close.exec(html) ? close.lastIndex : html.length;
}

export function extractVisibleText(html: string): string {
  const layout = new TextLayout();
  let position = 0;
  let textStart = 0;
  /** Name and nesting depth of the invisible element being skipped, if any. */
  let skipping: { name: string; depth: number } | undefined;
  let preDepth = 0;
  const flushText = (end: number): void => {
    if (skipping === undefined && end > textStart) {
      layout.addText(decodeEntities(html.slice(textStart, end)), preDepth > 0);
    }
  };
  while (position < html.length) {
    const next = html.indexOf('<', position);
    if (next < 0) break;
    position = next;
    if (html.startsWith('<!--', position)) {
      flushText(position);
      const close = html.indexOf('-->', position + 4);
      position = close < 0 ? html.length : close + 3;
      textStart = position;
      continue;
    }
    if (html.startsWith('<!', position) || html.startsWith('<?', position)) {
      flushText(position);
      const close = html.indexOf('>', position);
      position = close < 0 ? html.length : close + 1;
      textStart = position;
      continue;
    }
    END_TAG.lastIndex = position;
    const end = END_TAG.exec(html);
    if (end) {
      flushText(position);
      position = END_TAG.lastIndex;
      textStart = position;
      const name = (end[1] as string).toLowerCase();
      if (skipping !== undefined) {
        if (name === skipping.name) skipping.depth -= 1;
        if (skipping.depth === 0) skipping = undefined;
        continue;
      }
      if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      if (BLOCK.has(name)) layout.breakParagraph();
      continue;
    }
    START_TAG.lastIndex = position;
    const start = START_TAG.exec(html);
    if (!start) {
      position += 1; // a "<" that opens no tag is text
      continue;
    }
    flushText(position);
    position = START_TAG.lastIndex;
    textStart = position;
    const name = (start[1] as string).toLowerCase();
    const attributes = start[2] ?? '';
    const isSelfClosing = start[3] === '/' || VOID.has(name);
    if (RAW_TEXT.has(name) && !isSelfClosing) {
      position = skipRawText(html, name, position);
      textStart = position;
      continue;
    }
    if (skipping !== undefined) {
      if (name === 'body' && skipping.name === 'head') {
        skipping = undefined; // a head without its end tag ends where the body starts
      } else {
        if (name === skipping.name && !isSelfClosing) skipping.depth += 1;
        continue;
      }
    }
    if ((INVISIBLE.has(name) || isHidden(attributes)) && !isSelfClosing) {
      skipping = { name, depth: 1 };
      continue;
    }
    if (name === 'br') layout.breakLine();
    if (name === 'pre') preDepth += 1;
    if (BLOCK.has(name)) layout.breakParagraph();
  }
  flushText(html.length);
  return layout.toString();
}
