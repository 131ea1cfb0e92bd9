/**
 * The ruling lines of a PDF page — the cell borders a word processor draws around its tables —
 * as horizontal and vertical segments in page space (the space text items are placed in).
 * Read from pdf.js's operator list: stroked axis-aligned lines, and thin filled rectangles
 * (how some writers draw a border). Curves, clips and larger fills (shading) are no rules.
 */

/** A horizontal (`y1 === y2`, `x1 < x2`) or vertical (`x1 === x2`, `y1 < y2`) segment. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageRules {
  h: Segment[];
  v: Segment[];
}

/** The operator numbers used here (pdf.js `OPS`). */
export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

type Matrix = [number, number, number, number, number, number];
type Point = [number, number];

/** pdf.js's path drawing codes inside a constructPath (`DrawOPS`). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;
/** A filled rectangle at most this thick (points) is a rule. */
const THIN = 2.5;

const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];

const apply = (m: Matrix, x: number, y: number): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The subpaths of a constructPath's drawing data, as polygons in page space (curves end a polygon). */
function subpaths(data: ArrayLike<number>, ctm: Matrix): Array<{ points: Point[]; closed: boolean }> {
  const out: Array<{ points: Point[]; closed: boolean }> = [];
  let cur: Point[] = [];
  const flush = (closed: boolean) => {
    if (cur.length > 1) out.push({ points: cur, closed });
    cur = [];
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++]!;
    if (op === MOVE) {
      flush(false);
      cur.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === LINE) {
      cur.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CLOSE) {
      flush(true);
    } else if (op === CURVE || op === QUAD) {
      flush(false);
      i += op === CURVE ? 6 : 4;
    } else break;
  }
  flush(false);
  return out;
}

function addSegment(rules: PageRules, a: Point, b: Point): void {
  const [x1, y1] = a;
  const [x2, y2] = b;
  if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) > 1) rules.h.push({ x1: Math.min(x1, x2), x2: Math.max(x1, x2), y1, y2: y1 });
  else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) > 1) rules.v.push({ x1, x2: x1, y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
}

function strokeRules(rules: PageRules, path: { points: Point[]; closed: boolean }): void {
  const p = path.points;
  for (let i = 1; i < p.length; i++) addSegment(rules, p[i - 1]!, p[i]!);
  if (path.closed) addSegment(rules, p[p.length - 1]!, p[0]!);
}

/** A thin filled rectangle: its centre line. */
function fillRules(rules: PageRules, path: { points: Point[] }): void {
  const xs = path.points.map((p) => p[0]);
  const ys = path.points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= THIN && h > w * 2) addSegment(rules, [(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1]);
  else if (h <= THIN && w > h * 2) addSegment(rules, [x0, (y0 + y1) / 2], [x1, (y0 + y1) / 2]);
}

/** The rules drawn by one page's operator list (`page.getOperatorList()`). */
export function pageRules(list: { fnArray: ArrayLike<number>; argsArray: unknown[] }, ops: PdfOps): PageRules {
  const rules: PageRules = { h: [], v: [] };
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null | undefined;
      if (m && m.length === 6) ctm = multiply(ctm, m);
    } else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || typeof data.length !== 'number') continue;
      const paths = subpaths(data, ctm);
      if (strokes.has(paint)) paths.forEach((p) => strokeRules(rules, p));
      else if (fills.has(paint)) paths.forEach((p) => fillRules(rules, p));
    }
  }
  return rules;
}
