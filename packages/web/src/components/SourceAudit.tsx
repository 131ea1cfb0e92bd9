/** Findings beside the quoted source lines of an uploaded report (location.source.line). */
import { Col, Empty, Row, Typography } from 'antd';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { FindingJson } from '../api/types.js';
import { FindingsPanel } from './FindingsPanel.js';
import { scrollBehavior } from './findings.js';

export const SourceAudit = memo(function SourceAudit({ lines, findings }: { lines: string[]; findings: FindingJson[] }) {
  const [current, setCurrent] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const hits = useMemo(() => {
    const m = new Map<number, 'error' | 'warning' | 'info'>();
    for (const f of findings) {
      const l = f.location.source?.line;
      if (!l) continue;
      const prev = m.get(l);
      if (!prev || f.severity === 'error' || (f.severity === 'warning' && prev === 'info')) m.set(l, f.severity);
    }
    return m;
  }, [findings]);
  const sorted = useMemo(
    () => [...findings].sort((a, b) => (a.location.source?.line ?? 1e9) - (b.location.source?.line ?? 1e9)),
    [findings],
  );
  const pick = useCallback((f: FindingJson) => {
    const l = f.location.source?.line;
    if (!l) return;
    setCurrent(l);
    const el = box.current?.querySelector<HTMLElement>(`[data-line="${l}"]`);
    el?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
  }, []);

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Typography.Title level={5}>报告原文（共 {lines.length} 行）</Typography.Title>
        {lines.length === 0 ? (
          <Empty description="没有可显示的原文" />
        ) : (
          <div className="jx-lines" ref={box} data-testid="source-lines">
            {lines.map((text, i) => {
              const no = i + 1;
              const sev = hits.get(no);
              return (
                <div key={no} data-line={no} className={`jx-line${sev ? ` hit ${sev}` : ''}${current === no ? ' current' : ''}`}>
                  <span className="no">{no}</span>
                  <span>{text || ' '}</span>
                </div>
              );
            })}
          </div>
        )}
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Title level={5}>审查发现</Typography.Title>
        <FindingsPanel findings={sorted} onPick={pick} title="点击一项可定位到原文" />
      </Col>
    </Row>
  );
});
