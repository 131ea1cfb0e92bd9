import { describe, expect, it } from 'vitest';
import { replicaNotice } from './dashboard-types.js';

describe('replicaNotice: the dashboard read from a replica that is behind', () => {
  it('says nothing when live, caught up, or within a healthy replica’s few seconds', () => {
    expect(replicaNotice(null)).toBeNull();
    expect(replicaNotice(undefined)).toBeNull();
    expect(replicaNotice(0)).toBeNull();
    expect(replicaNotice(9)).toBeNull();
  });

  it('says how old the figures are, in seconds, minutes or hours', () => {
    expect(replicaNotice(10)).toBe('统计数据来自只读副本，约为 10 秒前的数据；刚办理的事项稍后才会计入。');
    expect(replicaNotice(119)).toContain('约为 119 秒前');
    expect(replicaNotice(120)).toContain('约为 2 分钟前');
    expect(replicaNotice(7199)).toContain('约为 119 分钟前');
    expect(replicaNotice(7200)).toContain('约为 2 小时前');
  });
});
