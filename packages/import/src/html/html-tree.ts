/**
 * A small, forgiving HTML tree builder for the pages and Word-converted HTML we read:
 * elements with attributes and children, text nodes with entities decoded. Unclosed
 * paragraphs, list items, cells and rows are closed where the next one opens, stray closing
 * tags are ignored; scripts, styles, comments and the <head> are dropped before parsing.
 */

export interface HtmlElement {
  tag: string;
  attrs: string;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'col', 'area', 'base', 'wbr', 'source', 'param', 'embed', 'track']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', middot: '·', mdash: '—', ndash: '–', hellip: '…', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', times: '×', divide: '÷', ge: '≥', le: '≤', yen: '¥' };
/** What an opening tag closes when it is still open on top of the stack. */
const CLOSES: Record<string, Set<string>> = {
  p: new Set(['p']),
  li: new Set(['li', 'p']),
  dt: new Set(['dt', 'dd', 'p']),
  dd: new Set(['dt', 'dd', 'p']),
  td: new Set(['td', 'th', 'p']),
  th: new Set(['td', 'th', 'p']),
  tr: new Set(['tr', 'td', 'th', 'p']),
  option: new Set(['option']),
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Remove what never holds visible text: comments, scripts, styles, the document head. */
export function stripInvisible(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|noscript|template|textarea|svg)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<head\b[\s\S]*?<\/head\s*>/gi, '');
}

function openElement(stack: HtmlElement[], tag: string, attrs: string): void {
  const closes = CLOSES[tag];
  while (closes && stack.length > 1 && closes.has(stack[stack.length - 1]!.tag)) stack.pop();
  if (tag === 'tr' || tag === 'td' || tag === 'th') {
    // a cell or row never belongs to an enclosing cell's paragraph
    while (stack.length > 1 && !['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th'].includes(stack[stack.length - 1]!.tag)) stack.pop();
    if (tag === 'tr') while (stack.length > 1 && ['td', 'th'].includes(stack[stack.length - 1]!.tag)) stack.pop();
  }
  const el: HtmlElement = { tag, attrs, children: [] };
  stack[stack.length - 1]!.children.push(el);
  if (!VOID.has(tag)) stack.push(el);
}

function closeElement(stack: HtmlElement[], tag: string): void {
  for (let k = stack.length - 1; k >= 1; k--) {
    if (stack[k]!.tag !== tag) continue;
    stack.length = k;
    return;
  }
}

export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: '', children: [] };
  const stack: HtmlElement[] = [root];
  const tokens = stripInvisible(html).split(/(<[^<>]*>)/);
  for (const tok of tokens) {
    if (tok === '') continue;
    if (tok[0] !== '<' || tok.length < 3) {
      stack[stack.length - 1]!.children.push(decodeEntities(tok));
      continue;
    }
    const m = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>$/.exec(tok);
    if (!m) continue;
    const tag = m[2]!.toLowerCase();
    if (m[1] === '/') closeElement(stack, tag);
    else openElement(stack, tag, m[3] ?? '');
  }
  return root;
}

export function attr(el: HtmlElement, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(el.attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}
