import { describe, expect, it } from 'vitest';
import { pageRules, type PdfOps } from './pdf-rules.js';

const OPS: PdfOps = {
  save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
  stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27,
};
const [M, L, C, Z] = [0, 1, 2, 4];

describe('ruling lines of a page from its drawing operators', () => {
  it('stroked lines in page space (transforms applied), thin filled rectangles as lines; curves and shading are no rules', () => {
    const list = {
      fnArray: [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.constructPath],
      argsArray: [
        null,
        [1, 0, 0, 1, 100, 200],
        // a cell outline, closed: four rules shifted by the transform
        [OPS.stroke, [new Float32Array([M, 0, 0, L, 50, 0, L, 50, 20, L, 0, 20, Z])], null],
        null,
        // a border drawn as a filled rectangle 0.5 pt wide
        [OPS.fill, [new Float32Array([M, 10, 10, L, 10.5, 10, L, 10.5, 90, L, 10, 90, Z])], null],
        // shading of a whole cell
        [OPS.fill, [new Float32Array([M, 0, 0, L, 80, 0, L, 80, 30, L, 0, 30, Z])], null],
        // a curve, and a diagonal
        [OPS.stroke, [new Float32Array([M, 0, 0, C, 10, 10, 20, 10, 30, 0])], null],
        [OPS.stroke, [new Float32Array([M, 0, 0, L, 30, 30])], null],
      ],
    };
    const r = pageRules(list, OPS);
    expect(r.h).toEqual([
      { x1: 100, x2: 150, y1: 200, y2: 200 },
      { x1: 100, x2: 150, y1: 220, y2: 220 },
    ]);
    expect(r.v).toEqual([
      { x1: 150, x2: 150, y1: 200, y2: 220 },
      { x1: 100, x2: 100, y1: 200, y2: 220 },
      { x1: 10.25, x2: 10.25, y1: 10, y2: 90 },
    ]);
  });
});
