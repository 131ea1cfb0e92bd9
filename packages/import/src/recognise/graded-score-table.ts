/**
 * A score table headed by its grade column (绩效等级) whose row labels were lost on the way
 * to text: rows of weight | score | grade. The total row is the one whose weight is the sum
 * of the weights above it; it gives the total weight, the total score and the grade.
 */
import { dec } from '@jixiao/core';
import type { Cell } from '../document/document.js';
import { isBlankCell } from '../parse-number.js';
import { num, provCell } from './cells.js';
import type { Recogniser } from './recogniser.js';

const GRADE_HEAD = /^(?:绩效|评价|自评|综合)?(?:等级|评级)$/;
const GRADE = /^(?:优秀|良好|一般|较差|合格|不合格|优|良|中|差)$/;

interface GradedState {
  weights: string[];
}

export const gradedScoreTable: Recogniser<GradedState> = {
  kind: 'score',
  claim(texts) {
    const filled = texts.map((t) => t.replace(/\s+/g, '')).filter((t) => !isBlankCell(t));
    return filled.length >= 1 && filled.length <= 4 && filled.some((t) => GRADE_HEAD.test(t)) ? { weights: [] } : null;
  },
  read(ctx, s, row) {
    const numbers: Array<{ value: string; c: Cell }> = [];
    let grade: Cell | null = null;
    row.cells.forEach((c, i) => {
      const n = num(c);
      if (n && !n.percent) numbers.push({ value: n.value, c });
      else if (GRADE.test(row.texts[i]!.replace(/\s+/g, ''))) grade ??= c;
    });
    if (numbers.length === 0) return 'end';
    const sum = s.weights.reduce((a, w) => a.plus(dec(w)), dec(0));
    const total = s.weights.length >= 2 && numbers.length >= 2 && dec(numbers[0]!.value).eq(sum);
    s.weights.push(numbers[0]!.value);
    if (!total) return;
    const totals = ctx.ev.totals;
    totals.statedWeight = numbers[0]!.value;
    provCell(ctx, 'totals.statedWeight', numbers[0]!.c);
    totals.statedScore = numbers[1]!.value;
    provCell(ctx, 'totals.statedScore', numbers[1]!.c);
    if (grade && totals.statedGrade === null) {
      totals.statedGrade = (grade as Cell).parts.join('').replace(/\s+/g, '');
      provCell(ctx, 'totals.statedGrade', grade);
    }
    return 'end';
  },
};
