import { describe, expect, it } from 'vitest';
import { splitGlued } from './split-glued.js';

describe('cells run together', () => {
  it('budget, executed and rate: the one split where the rate is executed ÷ budget', () => {
    expect(splitGlued('40004000100%', ['adjusted', 'executed', 'rate'])).toEqual(['4000', '4000', '100%']);
    expect(splitGlued('52.830.858.33%', ['adjusted', 'executed', 'rate'])).toEqual(['52.8', '30.8', '58.33%']);
    expect(splitGlued('1209075%', ['adjusted', 'executed', 'rate'])).toEqual(['120', '90', '75%']);
  });

  it('nothing is guessed when no split fits, or several do, or there is no rate to check against', () => {
    expect(splitGlued('40004000100%', ['adjusted', 'executed', 'rate', 'weight'])).toBeNull();
    expect(splitGlued('1234599%', ['adjusted', 'executed', 'rate'])).toBeNull();
    expect(splitGlued('10101', ['weight', 'score'])).toBeNull();
    expect(splitGlued('100100100%', ['adjusted', 'executed', 'rate'])).toEqual(['100', '100', '100%']);
  });
});
