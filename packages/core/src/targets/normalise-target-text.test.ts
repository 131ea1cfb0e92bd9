import { describe, expect, it } from 'vitest';
import { isDateLike, isPlaceholderText, normaliseTargetText, scanDirections } from './normalise-target-text.js';

describe('normaliseTargetText', () => {
  it('applies NFKC, strips LaTeX and whitespace', () => {
    expect(normaliseTargetText('$\\geq 90\\%$')).toBe('≥90%');
    expect(normaliseTargetText('＞＝　９５％')).toBe('≥95%');
    expect(normaliseTargetText('\t≤ 263.38\n')).toBe('≤263.38');
  });
  it('removes thousands separators only between digit groups', () => {
    expect(normaliseTargetText('1,234,567')).toBe('1234567');
    expect(normaliseTargetText('3,5')).toBe('3,5');
  });
  it('drops trailing punctuation', () => {
    expect(normaliseTargetText('≥95%；')).toBe('≥95%');
  });
});

describe('isPlaceholderText / isDateLike', () => {
  it('recognises placeholders', () => {
    expect(isPlaceholderText('——')).toBe(true);
    expect(isPlaceholderText('/')).toBe(true);
    expect(isPlaceholderText('0')).toBe(false);
  });
  it('recognises deadlines but not durations', () => {
    expect(isDateLike('12月底前')).toBe(true);
    expect(isDateLike('2023年12月31日')).toBe(true);
    expect(isDateLike('≤3日')).toBe(false);
    expect(isDateLike('≥3年')).toBe(false);
    expect(isDateLike('≤12个月')).toBe(false);
  });
});

describe('scanDirections', () => {
  it('prefers the longest word so negations win', () => {
    expect(scanDirections('不超过5%').words.map((w) => w.direction)).toEqual(['le']);
    expect(scanDirections('不低于95%').words.map((w) => w.direction)).toEqual(['ge']);
    expect(scanDirections('低于达到0.5%及以上').words.map((w) => w.word)).toEqual(['低于', '达到', '及以上']);
  });
});
