/**
 * Where a score's rules come from, shown beside the score explanations: each profile knob's
 * document (文号, level, year) and whether it was checked against the document's text —
 * unverified knobs are marked 未核实 — and 无法定级 with its reason where a total has no grade.
 */
import { Collapse, List, Tag, Tooltip, Typography } from 'antd';
import type { ScoreJson } from '../api/types.js';
import { basisLines, documentText } from '../lib/score-basis.js';

export { basisLines };

/** An explanation with its sources (`lines`: from `basisLines`, joined by newlines), as tooltip content. */
export function ExplanationWithBasis({ explanation, lines: text, inferred }: { explanation: string; lines?: string | null | undefined; inferred?: boolean | undefined }) {
  const lines = text ? text.split('\n') : [];
  return (
    <div data-testid="explanation-basis">
      <div>{explanation}</div>
      {inferred && <div style={{ marginTop: 4 }}>定性等级为系统推定（单位未填报），不作为单位的认定</div>}
      {lines.map((l) => (
        <div key={l} style={{ marginTop: 4, opacity: 0.85 }}>
          依据 · {l}
        </div>
      ))}
    </div>
  );
}

/** The computed grade, or 无法定级 with the reason on hover. */
export function GradeText({ grade, ungradableReason }: { grade: string | null; ungradableReason?: string | null | undefined }) {
  if (grade) return <>{grade}</>;
  if (ungradableReason) {
    return (
      <Tooltip title={ungradableReason}>
        <Tag color="orange" data-testid="ungradable" style={{ marginInlineEnd: 0 }}>
          无法定级
        </Tag>
      </Tooltip>
    );
  }
  return <>—</>;
}

/** Every knob the score used, with its source; unverified ones first and marked. */
export function ScoreBasisList({ score }: { score: ScoreJson }) {
  const basis = [...(score.basis ?? [])].sort((a, b) => Number(a.verified) - Number(b.verified));
  if (basis.length === 0) return null;
  const unverified = basis.filter((b) => !b.verified).length;
  return (
    <Collapse
      size="small"
      ghost
      data-testid="score-basis"
      items={[
        {
          key: 'basis',
          label: (
            <span>
              计分依据 {unverified > 0 && <Tag color="orange">{unverified} 项未核实</Tag>}
            </span>
          ),
          children: (
            <List
              size="small"
              dataSource={basis}
              renderItem={(b) => (
                <List.Item data-knob={b.knob}>
                  <div>
                    <Typography.Text strong>{b.label}</Typography.Text>：{documentText(b)}{' '}
                    {b.verified ? <Tag color="green">已核对原文</Tag> : <Tag color="orange">未核实</Tag>}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {b.note}
                      </Typography.Text>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}
