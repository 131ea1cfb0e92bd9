import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { chapterNumbering, chineseNumeral, parseChapterNumber } from './chapter-numbering.js';

const ch = (level: number, number: string, title = '标题') => ({ level, number, title });

describe('chapter-numbering', () => {
  it('fires once for a level mixing "1、" and "二、" styles, naming the odd ones', () => {
    const f = run(chapterNumbering, { chapters: [ch(1, '1、', '基本情况'), ch(1, '二、'), ch(1, '三、'), ch(1, '4、', '国有资本'), ch(1, '五、')] });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('1、基本情况');
    expect(f[0]!.message).toContain('4、国有资本');
    expect(f[0]!.expected).toBe('一、 二、 三、 四、 五、');
  });
  it('fires once for a group that restarts and duplicates, describing both', () => {
    const f = run(chapterNumbering, {
      chapters: [ch(1, '一、'), ch(2, '（一）'), ch(2, '（二）'), ch(2, '（一）', '重来'), ch(2, '（二）'), ch(2, '（二）', '重复')],
    });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('重新从');
    expect(f[0]!.message).toContain('重复');
  });
  it('fires for a skipped number (一、 then 三、)', () => {
    expect(run(chapterNumbering, { chapters: [ch(1, '一、'), ch(1, '三、')] })[0]!.message).toContain('跳到');
  });
  it('does not fire when sub-numbering restarts under a new parent, with "(一）" and "（一）" brackets mixed', () => {
    expect(
      run(chapterNumbering, { chapters: [ch(1, '一、'), ch(2, '(一）'), ch(2, '（二）'), ch(1, '二、'), ch(2, '（一）'), ch(2, '（二）'), ch(3, '1.'), ch(3, '2、')] }),
    ).toEqual([]);
  });
  it('reads Chinese numerals and printed numbers', () => {
    expect([chineseNumeral('十'), chineseNumeral('十二'), chineseNumeral('二十三')]).toEqual([10, 12, 23]);
    expect(parseChapterNumber('（十）')).toEqual({ style: 'paren-chinese', value: 10 });
    expect(parseChapterNumber('8、 ')).toEqual({ style: 'arabic', value: 8 });
    expect([parseChapterNumber(''), parseChapterNumber('第五章'), parseChapterNumber('（）')]).toEqual([null, null, null]);
  });
});
