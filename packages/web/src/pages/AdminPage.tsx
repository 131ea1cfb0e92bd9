/** 系统管理: the organisation tree (regions → bureaus → departments → units). */
import { Alert, Card, Empty, Spin, Tree, Typography } from 'antd';
import { useMemo } from 'react';
import type { Org, OrgNode } from '../api/types.js';
import { useApi } from '../lib/use-api.js';

interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

export default function AdminPage() {
  const org = useApi<Org>('/api/org');
  const tree = useMemo(() => {
    if (!org.data) return [];
    // ids are per table, so a node is keyed by its level: "bureau:1"
    const all: Array<OrgNode & { key: string; parentKey: string | null; kind: string }> = [
      ...org.data.regions.map((n) => ({ ...n, key: `region:${n.id}`, parentKey: null, kind: '地区' })),
      ...org.data.bureaus.map((n) => ({ ...n, key: `bureau:${n.id}`, parentKey: n.parentId != null ? `region:${n.parentId}` : null, kind: '财政局' })),
      ...org.data.departments.map((n) => ({ ...n, key: `department:${n.id}`, parentKey: n.parentId != null ? `bureau:${n.parentId}` : null, kind: '部门' })),
      ...org.data.units.map((n) => ({ ...n, key: `unit:${n.id}`, parentKey: n.parentId != null ? `department:${n.parentId}` : null, kind: '单位' })),
    ];
    const nodes = new Map(all.map((n) => [n.key, { key: n.key, title: `${n.name}（${n.kind}）`, children: [] as TreeNode[] }]));
    const roots: TreeNode[] = [];
    for (const n of all) {
      const me = nodes.get(n.key)!;
      const parent = n.parentKey ? nodes.get(n.parentKey) : undefined;
      if (parent && parent !== me) parent.children.push(me);
      else roots.push(me);
    }
    return roots;
  }, [org.data]);
  return (
    <>
      <Typography.Title level={3}>组织机构</Typography.Title>
      {org.error && <Alert type="error" showIcon title={org.error} />}
      <Card>
        {org.loading ? <Spin /> : tree.length ? <Tree treeData={tree} defaultExpandAll /> : <Empty description="暂无组织机构" />}
      </Card>
    </>
  );
}
