import { describe, expect, it } from 'vitest';
import { drawSeededSample } from './draw-seeded-sample.js';

const population = Array.from({ length: 50 }, (_, i) => i * 3 + 1);

describe('drawSeededSample', () => {
  it('same seed and population ⇒ same draw, whatever the input order', () => {
    const a = drawSeededSample(population, 7, '2024-抽评');
    const b = drawSeededSample([...population].reverse(), 7, '2024-抽评');
    expect(a).toEqual(b);
    expect(a).toHaveLength(7);
    expect(new Set(a).size).toBe(7);
    for (const id of a) expect(population).toContain(id);
  });

  it('different seeds give different draws', () => {
    const draws = new Set(['a', 'b', 'c', 'd', 'e'].map((s) => drawSeededSample(population, 5, s).join(',')));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('size is capped at the population, and 0 draws nothing', () => {
    expect(drawSeededSample([3, 1, 2], 10, 'x')).toEqual([1, 2, 3]);
    expect(drawSeededSample(population, 0, 'x')).toEqual([]);
    expect(drawSeededSample([], 3, 'x')).toEqual([]);
  });

  it('every member can be drawn (no id is starved over many seeds)', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 400; i++) for (const id of drawSeededSample(population, 5, `seed-${i}`)) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(counts.size).toBe(population.length);
  });
});
