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
    const all: Array<OrgNode & { kind: string }> = [
      ...org.data.regions.map((n) => ({ ...n, kind: '地区' })),
      ...org.data.bureaus.map((n) => ({ ...n, kind: '财政局' })),
      ...org.data.departments.map((n) => ({ ...n, kind: '部门' })),
      ...org.data.units.map((n) => ({ ...n, kind: '单位' })),
    ];
    const nodes = new Map(all.map((n) => [n.id, { key: n.id, title: `${n.name}（${n.kind}）`, children: [] as TreeNode[] }]));
    const roots: TreeNode[] = [];
    for (const n of all) {
      const me = nodes.get(n.id)!;
      const parent = n.parentId ? nodes.get(n.parentId) : undefined;
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
