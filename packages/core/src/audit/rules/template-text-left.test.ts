import { describe, expect, it } from 'vitest';
import { run } from '../testing/context-of.js';
import { templateTextLeft } from './template-text-left.js';

const chapter = (body: string) => ({ chapters: [{ level: 1, number: '五、', title: '发现的主要问题和改进措施', body }] });

describe('template-text-left', () => {
  it('fires when the body is only the outline instruction', () => {
    const f = run(templateTextLeft, chapter('包括绩效目标未完成原因和下一步改进措施，执行中存在的问题、原因和改进措施。'));
    expect(f).toHaveLength(1);
    expect(f[0]!.location.path).toBe('chapters.0.body');
  });
  it('fires by shape: a short body that only says what the chapter should contain', () => {
    expect(run(templateTextLeft, chapter('主要包括项目资金使用的合规性、资产管理情况。'))).toHaveLength(1);
  });
  it('does not fire when an outline phrase is followed by real content', () => {
    const body = '项目资金管理情况分析，包括绩效目标未完成原因和下一步改进措施。为加强专项项目管理，我办就专项业务经费制定了相应的财务管理办法，各专项业务按照国家相关法律法规实施。';
    expect(run(templateTextLeft, chapter(body))).toEqual([]);
  });
  it('does not fire for a short factual body (无此项支出。)', () => {
    expect(run(templateTextLeft, chapter('无此项支出。'))).toEqual([]);
  });
});
