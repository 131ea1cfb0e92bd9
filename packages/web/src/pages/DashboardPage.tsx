/**
 * Finance dashboards: grade distribution, ranking, self vs computed, execution rate vs
 * score, year over year; drill-down bureau → department → unit → indicator; export of
 * exactly what is shown (CSV / XLSX).
 */
import { Alert, Breadcrumb, Button, Card, Col, Dropdown, Empty, Row, Space, Spin, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { query } from '../api/client.js';
import type { Dashboard, EvaluationDetail, Org } from '../api/types.js';
import { href, navigate, useRoute } from '../app/router.js';
import { useSession } from '../app/session.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { downloadCsv, downloadXlsx, type SheetData } from '../lib/export-table.js';
import { chartNumber, fmt, fmtRate, toDec } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';

const GRADE_COLORS: Record<string, string> = { 优: '#52c41a', 优秀: '#52c41a', 良: '#1677ff', 良好: '#1677ff', 中: '#faad14', 一般: '#faad14', 差: '#f5222d', 较差: '#f5222d' };

export default function DashboardPage() {
  const route = useRoute();
  const { year } = useSession();
  const departmentId = route.query.get('departmentId') ?? '';
  const unitId = route.query.get('unitId') ?? '';
  const evaluationId = route.query.get('evaluationId') ?? '';
  const go = (p: Record<string, string | undefined>) => navigate(`/dashboard${query(p)}`);

  const dash = useApi<Dashboard>(`/api/dashboard${query({ year, departmentId, unitId })}`);
  const org = useApi<Org>('/api/org');
  const detail = useApi<EvaluationDetail>(evaluationId ? `/api/evaluations/${evaluationId}` : null);

  const deptName = org.data?.departments.find((d) => String(d.id) === departmentId)?.name ?? '';
  const unitName = org.data?.units.find((u) => String(u.id) === unitId)?.name ?? '';
  const level = evaluationId ? 'indicator' : unitId ? 'unit' : departmentId ? 'department' : 'bureau';

  // Drill table rows for the current level: the server aggregates every visible row (no page limit).
  const drill = useMemo(() => {
    const dd = dash.data;
    if (!dd) return [];
    if (level === 'bureau') {
      return dd.byDepartment.map((g) => ({ key: g.departmentId, name: g.departmentName, count: g.count, score: g.averageComputedScore, self: g.averageSelfScore, go: () => go({ departmentId: g.departmentId }) }));
    }
    if (level === 'department') {
      return dd.byUnit.map((g) => ({ key: g.unitId, name: g.unitName, count: g.count, score: g.averageComputedScore, self: g.averageSelfScore, go: () => go({ departmentId, unitId: g.unitId }) }));
    }
    return dd.selfVsComputed.map((e) => ({ key: e.id, name: e.title || e.unitName, count: 1, score: e.computedScore, self: e.selfScore, go: () => go({ departmentId, unitId, evaluationId: e.id }) }));
  }, [level, dash.data, departmentId, unitId]); // eslint-disable-line react-hooks/exhaustive-deps

  const d = dash.data;
  const options = useMemo(() => {
    if (!d) return null;
    const grade: ChartOption = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}\n{c} 份', overflow: 'none' }, data: d.gradeDistribution.map((g) => ({ name: g.grade, value: g.count, itemStyle: { color: GRADE_COLORS[g.grade] } })) }],
    };
    const top = d.ranking.slice(0, 20).reverse();
    const ranking: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 140, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
      yAxis: { type: 'category', data: top.map((r) => r.unitName), axisLabel: { width: 130, overflow: 'truncate' } },
      series: [{ type: 'bar', data: top.map((r) => chartNumber(r.score)), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
    };
    const svc: ChartOption = {
      tooltip: { formatter: (p: { data: [number, number, string] }) => `${p.data[2]}<br/>自评 ${p.data[0]} · 计算 ${p.data[1]}` },
      grid: { left: 50, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'value', name: '自评得分', nameLocation: 'middle', nameGap: 26, min: 'dataMin' },
      yAxis: { type: 'value', name: '系统计算', min: 'dataMin' },
      series: [
        { type: 'scatter', symbolSize: 10, data: d.selfVsComputed.map((r) => [chartNumber(r.selfScore), chartNumber(r.computedScore), r.unitName]) },
        { type: 'line', data: [[0, 0], [100, 100]], showSymbol: false, lineStyle: { type: 'dashed', color: '#bbb' }, silent: true },
      ],
    };
    const evs: ChartOption = {
      tooltip: { formatter: (p: { data: [number, number, string] }) => `${p.data[2]}<br/>执行率 ${p.data[0]}% · 得分 ${p.data[1]}` },
      grid: { left: 50, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'value', name: '执行率（%）', nameLocation: 'middle', nameGap: 26, min: 'dataMin' },
      yAxis: { type: 'value', name: '得分', min: 'dataMin' },
      series: [{ type: 'scatter', symbolSize: 10, itemStyle: { color: '#722ed1' }, data: d.executionVsScore.map((r) => [chartNumber(toDec(r.executionRate)?.times(100).toString()), chartNumber(r.score), r.unitName]) }],
    };
    const yoy: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 50, right: 50, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: d.yearOverYear.map((y) => String(y.year)) },
      yAxis: [{ type: 'value', name: '平均分' }, { type: 'value', name: '份数' }],
      series: [
        { name: '平均分', type: 'line', data: d.yearOverYear.map((y) => chartNumber(y.averageScore)) },
        { name: '份数', type: 'bar', yAxisIndex: 1, data: d.yearOverYear.map((y) => y.count), itemStyle: { color: '#d9d9d9' } },
      ],
    };
    return { grade, ranking, svc, evs, yoy };
  }, [d]);

  const indicatorRows = useMemo(
    () => (detail.data?.score?.indicators ?? []).map((s) => ({ key: s.path, level1: s.level1, level2: s.level2, name: s.name, weight: s.weight, stated: s.stated, computed: s.computed, achievement: s.achievement, explanation: s.explanation })),
    [detail.data],
  );

  const sheets = (): SheetData[] => {
    const scope = [deptName, unitName].filter(Boolean).join(' / ') || '全部';
    const out: SheetData[] = [];
    if (level === 'indicator') {
      out.push({ name: '指标得分', header: ['一级指标', '二级指标', '三级指标', '分值', '自评得分', '系统计算', '完成率', '计算过程'], rows: indicatorRows.map((r) => [r.level1, r.level2, r.name, r.weight, r.stated, r.computed, r.achievement, r.explanation]) });
      return out;
    }
    out.push({ name: `下钻 ${scope}`, header: ['名称', '份数', '平均自评得分', '平均计算得分'], rows: drill.map((r) => [r.name, r.count, r.self, r.score]) });
    if (d) {
      out.push({ name: '等级分布', header: ['等级', '份数'], rows: d.gradeDistribution.map((g) => [g.grade, g.count]) });
      out.push({ name: '得分排名', header: ['单位', '得分'], rows: d.ranking.map((r) => [r.unitName, r.score === null ? null : String(r.score)]) });
      out.push({ name: '自评与计算', header: ['单位', '自评得分', '系统计算'], rows: d.selfVsComputed.map((r) => [r.unitName, r.selfScore === null ? null : String(r.selfScore), r.computedScore === null ? null : String(r.computedScore)]) });
      out.push({ name: '执行率与得分', header: ['单位', '执行率', '得分'], rows: d.executionVsScore.map((r) => [r.unitName, r.executionRate === null ? null : String(r.executionRate), r.score === null ? null : String(r.score)]) });
      out.push({ name: '历年对比', header: ['年度', '平均分', '份数'], rows: d.yearOverYear.map((y) => [y.year, y.averageScore === null ? null : String(y.averageScore), y.count]) });
    }
    return out;
  };
  const fileBase = `绩效自评统计_${year}${deptName ? `_${deptName}` : ''}${unitName ? `_${unitName}` : ''}`;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>统计看板 · {year} 年度</Typography.Title>
        <Dropdown
          menu={{
            items: [
              { key: 'xlsx', label: '导出 Excel（.xlsx）' },
              { key: 'csv', label: '导出 CSV' },
            ],
            onClick: ({ key }) => (key === 'csv' ? downloadCsv(sheets(), fileBase) : downloadXlsx(sheets(), fileBase)),
          }}
          trigger={['click']}
        >
          <Button>导出当前数据</Button>
        </Dropdown>
      </Space>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <a href={href('/dashboard')}>全部（财政局）</a> },
          ...(departmentId ? [{ title: <a href={href(`/dashboard${query({ departmentId })}`)}>{deptName || '部门'}</a> }] : []),
          ...(unitId ? [{ title: <a href={href(`/dashboard${query({ departmentId, unitId })}`)}>{unitName || '单位'}</a> }] : []),
          ...(evaluationId ? [{ title: '指标' }] : []),
        ]}
      />
      {dash.error && <Alert type="error" showIcon title={dash.error} style={{ marginBottom: 16 }} />}
      {level === 'indicator' ? (
        <Card title={detail.data ? `指标得分：${detail.data.evaluation.project?.name ?? detail.data.evaluation.unit.name ?? ''}` : '指标得分'}>
          {detail.loading ? (
            <Spin />
          ) : detail.error ? (
            <Alert type="error" showIcon title={detail.error} />
          ) : (
            <>
              <Chart
                label="各指标自评得分与系统计算"
                height={Math.max(240, indicatorRows.length * 26)}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 200, right: 30, top: 30, bottom: 20 },
                  xAxis: { type: 'value' },
                  yAxis: { type: 'category', data: indicatorRows.map((r) => r.name), axisLabel: { width: 190, overflow: 'truncate' }, inverse: true },
                  series: [
                    { name: '分值', type: 'bar', data: indicatorRows.map((r) => chartNumber(r.weight)), itemStyle: { color: '#e6e6e6' } },
                    { name: '自评得分', type: 'bar', data: indicatorRows.map((r) => chartNumber(r.stated)) },
                    { name: '系统计算', type: 'bar', data: indicatorRows.map((r) => chartNumber(r.computed)) },
                  ],
                }}
              />
              <Table
                size="small"
                pagination={false}
                dataSource={indicatorRows}
                columns={[
                  { title: '一级', dataIndex: 'level1', width: 90 },
                  { title: '二级', dataIndex: 'level2', width: 100 },
                  { title: '三级指标', dataIndex: 'name' },
                  { title: '分值', dataIndex: 'weight', width: 70, align: 'right', render: (v) => fmt(v) },
                  { title: '自评', dataIndex: 'stated', width: 70, align: 'right', render: (v) => fmt(v) },
                  { title: '计算', dataIndex: 'computed', width: 70, align: 'right', render: (v) => fmt(v) },
                  { title: '完成率', dataIndex: 'achievement', width: 90, align: 'right', render: (v) => fmtRate(v) },
                  { title: '计算过程', dataIndex: 'explanation' },
                ]}
              />
            </>
          )}
        </Card>
      ) : (
        <>
          {dash.loading && !d ? (
            <Spin />
          ) : !d || (d.gradeDistribution.length === 0 && d.ranking.length === 0) ? (
            <Empty description={`${year} 年度还没有可统计的自评`} />
          ) : (
            options && (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={8}>
                  <Card size="small" title="评价等级分布"><Chart label="评价等级分布" option={options.grade} /></Card>
                </Col>
                <Col xs={24} lg={16}>
                  <Card size="small" title="得分排名（前 20，点击下钻）">
                    <Chart
                      label="得分排名"
                      option={options.ranking}
                      onClick={(p) => {
                        const r = d.ranking.find((x) => x.unitName === p.name);
                        if (r) go({ departmentId, unitId: r.unitId });
                      }}
                    />
                  </Card>
                </Col>
                <Col xs={24} lg={8}>
                  <Card size="small" title="自评得分与系统计算"><Chart label="自评得分与系统计算" option={options.svc} /></Card>
                </Col>
                <Col xs={24} lg={8}>
                  <Card size="small" title="预算执行率与得分"><Chart label="预算执行率与得分" option={options.evs} /></Card>
                </Col>
                <Col xs={24} lg={8}>
                  <Card size="small" title="历年对比"><Chart label="历年对比" option={options.yoy} /></Card>
                </Col>
              </Row>
            )
          )}
          <Card size="small" style={{ marginTop: 16 }} title={level === 'bureau' ? '按主管部门' : level === 'department' ? `${deptName} 所属单位` : `${unitName} 的自评`}>
            <Table
              size="small"
              rowKey="key"
              loading={dash.loading}
              dataSource={drill}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description="没有数据" /> }}
              columns={[
                { title: '名称（点击下钻）', dataIndex: 'name', render: (v: string, r) => <a onClick={r.go} role="link" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && r.go()}>{v}</a> },
                { title: '份数', dataIndex: 'count', width: 80, align: 'right' },
                { title: '平均自评得分', dataIndex: 'self', width: 120, align: 'right', render: (v) => fmt(v) },
                { title: '平均计算得分', dataIndex: 'score', width: 120, align: 'right', render: (v) => fmt(v) },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
