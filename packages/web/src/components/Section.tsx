/** A titled block of a paper form; `data-path` lets a finding on the block jump to it. */
import { Space } from 'antd';
import type { ReactNode } from 'react';

export function Section({ title, id, children, extra }: { title: string; id: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <section className="jx-section" data-path={id} aria-labelledby={`h-${id}`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <h4 id={`h-${id}`}>{title}</h4>
        {extra}
      </Space>
      {children}
    </section>
  );
}
