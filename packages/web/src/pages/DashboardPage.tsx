/**
 * Finance dashboards: grade distribution, ranking, self vs computed, execution rate vs
 * score, year over year; drill-down bureau → department → unit → indicator; export of
 * exactly what is shown (CSV / XLSX).
 */
import { Alert, App, Breadcrumb, Button, Card, Col, Dropdown, Empty, Row, Select, Space, Spin, Statistic, Switch, Table, Typography } from 'antd';
import { useDeferredValue, useMemo } from 'react';
import { download, errorText, query } from '../api/client.js';
import { KIND_NAMES, KIND_OPTIONS, type EvaluationDetail, type Org } from '../api/types.js';
import { replicaNotice, sliceName, type Statistics } from '../api/dashboard-types.js';
import { href, navigate, useRoute } from '../app/router.js';
import { useSession } from '../app/session.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import type { SheetData } from '../lib/export-table.js';
import { chartNumber, fmt, fmtRate } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import { dashboardFilters, dashboardQuery, dashboardRequests } from './dashboard-requests.js';

const BAND_COLORS: Record<string, string> = { excellent: '#52c41a', good: '#1677ff', fair: '#faad14', poor: '#f5222d', ungradable: '#8c8c8c', ungraded: '#d9d9d9' };
/** A ranking row named so two rows of one unit can be told apart. */
const rowName = (r: { unitName: string; projectName: string | null; kind: keyof typeof KIND_NAMES }) => `${r.unitName} · ${r.projectName ?? KIND_NAMES[r.kind]}`;

export default function DashboardPage() {
  const route = useRoute();
  const { year } = useSession();
  const { message } = App.useApp();
  const q = dashboardQuery(route.query);
  const { departmentId, unitId, evaluationId, kind, includeDrafts } = q;
  const filters = dashboardFilters(q);
  const go = (p: Record<string, string | number | undefined>) => navigate(`/dashboard${query({ ...filters, ...p })}`);

  // The same paths early.ts asks for on a cold visit, so the first load takes those answers.
  const paths = dashboardRequests(q, year);
  const dash = useApi<Statistics>(paths.dashboard);
  const org = useApi<Org>(paths.org);
  const detail = useApi<EvaluationDetail>(paths.detail);

  const deptName = org.data?.departments.find((d) => String(d.id) === departmentId)?.name ?? '';
  const unitName = org.data?.units.find((u) => String(u.id) === unitId)?.name ?? '';
  const level = evaluationId ? 'indicator' : unitId ? 'unit' : departmentId ? 'department' : 'bureau';

  // Drill table rows for the current level: the server aggregates every visible row (no page limit).
  const drill = useMemo(() => {
    const dd = dash.data;
    if (!dd) return [];
    if (level === 'bureau') {
      return dd.byDepartment.map((g) => ({ key: g.departmentId, name: g.departmentName, count: g.count, ungradable: g.ungradable, score: g.averageScore, self: g.averageSelfScore, go: () => go({ departmentId: g.departmentId }) }));
    }
    if (level === 'department') {
      return dd.byUnit.map((g) => ({ key: g.unitId, name: g.unitName, count: g.count, ungradable: g.ungradable, score: g.averageScore, self: g.averageSelfScore, go: () => go({ departmentId, unitId: g.unitId }) }));
    }
    return (dd.evaluations ?? []).map((e) => ({
      key: e.id,
      name: `${e.projectName ?? e.title}（${KIND_NAMES[e.kind]}）`,
      count: 1,
      ungradable: e.score === null && e.ungradableReason ? 1 : 0,
      score: e.score,
      self: e.selfScore,
      go: () => go({ departmentId, unitId, evaluationId: e.id }),
    }));
  }, [level, dash.data, departmentId, unitId, kind, includeDrafts]); // eslint-disable-line react-hooks/exhaustive-deps

  // The drill table is rendered after the totals and the first chart (a low-priority pass), showing its spinner meanwhile.
  const drillShown = useDeferredValue(drill);
  const d = dash.data;
  const options = useMemo(() => {
    if (!d) return null;
    const grade: ChartOption = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}\n{c} 份', overflow: 'none' }, data: d.gradeDistribution.map((g) => ({ name: sliceName(g), value: g.count, itemStyle: { color: g.band ? BAND_COLORS[g.band] : undefined } })) }],
    };
    const top = d.ranking.slice(0, 20).reverse();
    const ranking: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 140, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
      yAxis: { type: 'category', data: top.map(rowName), axisLabel: { width: 130, overflow: 'truncate' } },
      series: [{ type: 'bar', data: top.map((r) => chartNumber(r.score)), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
    };
    // Bins of whole points (each row counted once, however many there are); the dot grows with the count.
    const size = (n: number) => Math.min(30, 6 + Math.sqrt(n) * 3);
    const svc: ChartOption = {
      tooltip: { formatter: (p: { data: [number, number, number] }) => `自评 ${p.data[0]}–${p.data[0] + 1} · 计算 ${p.data[1]}–${p.data[1] + 1}<br/>${p.data[2]} 份` },
      grid: { left: 50, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'value', name: '自评得分', nameLocation: 'middle', nameGap: 26, min: 'dataMin' },
      yAxis: { type: 'value', name: '系统计算', min: 'dataMin' },
      series: [
        { type: 'scatter', symbolSize: (v: [number, number, number]) => size(v[2]), data: d.selfVsComputed },
        { type: 'line', data: [[0, 0], [100, 100]], showSymbol: false, lineStyle: { type: 'dashed', color: '#bbb' }, silent: true },
      ],
    };
    const evs: ChartOption = {
      tooltip: { formatter: (p: { data: [number, number, number] }) => `执行率 ${p.data[0]}% · 得分 ${p.data[1]}–${p.data[1] + 1}<br/>${p.data[2]} 份` },
      grid: { left: 50, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'value', name: '执行率（%）', nameLocation: 'middle', nameGap: 26, min: 'dataMin' },
      yAxis: { type: 'value', name: '得分', min: 'dataMin' },
      series: [{ type: 'scatter', symbolSize: (v: [number, number, number]) => size(v[2]), itemStyle: { color: '#722ed1' }, data: d.executionVsScore }],
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

  // What is shown, rounded as displayed (two places, half up; rates in %), one row each.
  const n2 = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? null : fmt(v));
  const sheets = (): SheetData[] => {
    const scope = [deptName, unitName].filter(Boolean).join(' / ') || '全部';
    const out: SheetData[] = [];
    if (level === 'indicator') {
      out.push({ name: '指标得分', header: ['一级指标', '二级指标', '三级指标', '分值', '自评得分', '系统计算', '完成率（%）', '计算过程'], rows: indicatorRows.map((r) => [r.level1, r.level2, r.name, n2(r.weight), n2(r.stated), n2(r.computed), r.achievement ? fmtRate(r.achievement).replace('%', '') : null, r.explanation]) });
      return out;
    }
    out.push({ name: `下钻 ${scope}`, header: ['名称', '份数', '其中无法定级', '平均自评得分', '平均得分'], rows: drill.map((r) => [r.name, r.count, r.ungradable, n2(r.self), n2(r.score)]) });
    if (d) {
      out.push({ name: '等级分布', header: ['等级', '含各地等级名称', '份数'], rows: d.gradeDistribution.map((g) => [g.label, g.names.join('、'), g.count]) });
      out.push({
        name: '得分排名',
        header: ['名次', '主管部门', '单位', '类型', '项目', '得分', '等级'],
        rows: d.ranking.map((r, i) => [i + 1, r.departmentName, r.unitName, KIND_NAMES[r.kind], r.projectName, n2(r.score), r.grade]),
      });
      out.push({ name: '按类型', header: ['类型', '份数', '其中无法定级', '平均得分'], rows: d.byKind.map((k) => [KIND_NAMES[k.kind], k.count, k.ungradable, n2(k.averageScore)]) });
      out.push({ name: '历年对比', header: ['年度', '平均分', '份数'], rows: d.yearOverYear.map((y) => [y.year, n2(y.averageScore), y.count]) });
    }
    return out;
  };
  const serverExport = (format: 'csv' | 'xlsx') =>
    void download(`/api/dashboard/export${query({ format, year, departmentId, unitId, ...filters })}`, `${fileBase}_明细.${format}`).catch((e) => message.error(errorText(e)));
  // The table writer (and its zip library) loads on the first export, not with the page.
  const exportShown = (format: 'csv' | 'xlsx') =>
    void import('../lib/export-table.js')
      .then((m) => (format === 'csv' ? m.downloadCsv(sheets(), fileBase) : m.downloadXlsx(sheets(), fileBase)))
      .catch((e) => message.error(errorText(e)));
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
              { type: 'divider' },
              { key: 'all-xlsx', label: '导出全部明细（.xlsx，每份自评一行）' },
              { key: 'all-csv', label: '导出全部明细（CSV）' },
            ],
            onClick: ({ key }) => (key === 'csv' || key === 'xlsx' ? exportShown(key) : serverExport(key === 'all-csv' ? 'csv' : 'xlsx')),
          }}
          trigger={['click']}
        >
          <Button>导出当前数据</Button>
        </Dropdown>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="类型"
          placeholder="全部类型"
          allowClear
          style={{ width: 140 }}
          value={kind || undefined}
          options={KIND_OPTIONS}
          onChange={(v) => go({ departmentId, unitId, kind: v ?? undefined, includeDrafts: includeDrafts ? '1' : undefined })}
        />
        <Space size={6}>
          <Switch aria-label="包含草稿" size="small" checked={includeDrafts} onChange={(on) => go({ departmentId, unitId, kind: kind || undefined, includeDrafts: on ? '1' : undefined })} />
          <Typography.Text>包含草稿</Typography.Text>
        </Space>
        <Typography.Text type="secondary">默认不含草稿；无法定级的总分单列，不计入平均分和排名。</Typography.Text>
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
      {replicaNotice(dash.data?.replicaLagSeconds) && <Alert type="info" showIcon title={replicaNotice(dash.data?.replicaLagSeconds)} style={{ marginBottom: 16 }} data-testid="replica-notice" />}
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
          {(d ? d.gradeDistribution.length === 0 && d.ranking.length === 0 : !dash.loading) ? (
            <Empty description={`${year} 年度还没有可统计的自评`} />
          ) : (
            // While the first answer is awaited the frame is already there (cards laid out and styled), so the answer only fills it.
            <Row gutter={[16, 16]}>
              <Col xs={24}>
                <Card size="small">
                  {d ? (
                    <Space size="large" wrap data-testid="dashboard-totals">
                      <Statistic title="自评份数" value={d.totals.count} />
                      <Statistic title="无法定级" value={d.totals.ungradable} />
                      <Statistic title="平均得分（不含无法定级）" value={fmt(d.totals.averageScore)} />
                      {d.byKind.map((k) => (
                        <Statistic key={k.kind} title={`${KIND_NAMES[k.kind]}（${k.count} 份）`} value={fmt(k.averageScore)} />
                      ))}
                    </Space>
                  ) : (
                    <Spin />
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card size="small" title="评价等级分布"><Chart label="评价等级分布" option={options?.grade ?? null} /></Card>
              </Col>
              <Col xs={24} lg={16}>
                <Card size="small" title={d ? `得分排名（前 ${Math.min(20, d.ranking.length)} / 共 ${d.rankingTotal} 份，点击下钻）` : '得分排名'}>
                  <Chart
                    label="得分排名"
                    option={options?.ranking ?? null}
                    onClick={(p) => {
                      const r = d?.ranking.find((x) => rowName(x) === p.name);
                      if (r) go({ departmentId, unitId: r.unitId });
                    }}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card size="small" title="自评得分与系统计算"><Chart label="自评得分与系统计算" option={options?.svc ?? null} /></Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card size="small" title="预算执行率与得分"><Chart label="预算执行率与得分" option={options?.evs ?? null} /></Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card size="small" title="历年对比"><Chart label="历年对比" option={options?.yoy ?? null} /></Card>
              </Col>
            </Row>
          )}
          <Card size="small" style={{ marginTop: 16 }} title={level === 'bureau' ? '按主管部门' : level === 'department' ? `${deptName} 所属单位` : `${unitName} 的自评`}>
            <Table
              size="small"
              rowKey="key"
              loading={dash.loading || drillShown !== drill}
              dataSource={drillShown}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description="没有数据" /> }}
              columns={[
                { title: '名称（点击下钻）', dataIndex: 'name', render: (v: string, r) => <a onClick={r.go} role="link" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && r.go()}>{v}</a> },
                { title: '份数', dataIndex: 'count', width: 80, align: 'right' },
                { title: '无法定级', dataIndex: 'ungradable', width: 90, align: 'right' },
                { title: '平均自评得分', dataIndex: 'self', width: 120, align: 'right', render: (v) => fmt(v) },
                { title: '平均得分', dataIndex: 'score', width: 120, align: 'right', render: (v) => fmt(v) },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
