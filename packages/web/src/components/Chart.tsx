/** ECharts with only the parts used (tree-shaken through echarts/core). */
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { memo, useEffect, useRef } from 'react';

// Only what the charts' options use (no title, no dataZoom): a smaller chunk, parsed sooner.
echarts.use([BarChart, LineChart, PieChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** No animation under automation (stable screenshots) or when the user asks for reduced motion. */
const animate = !navigator.webdriver && !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * Charts are drawn one per turn of the browser, in the order they mount: the first at once, each
 * next one after a frame, so the first is on screen while the others are laid out (five charts
 * drawn in one task kept all of them off the screen until the last was done).
 */
const waiting: Array<() => void> = [];
let drawing = false;

function drawInTurn(draw: () => void): void {
  if (drawing) {
    waiting.push(draw);
    return;
  }
  drawing = true;
  draw();
  afterFrame(drawNext);
}

function drawNext(): void {
  const draw = waiting.shift();
  if (!draw) {
    drawing = false;
    return;
  }
  draw();
  afterFrame(drawNext);
}

/** After the next frame is painted; a timer as well, since a hidden tab paints no frames. */
function afterFrame(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

/** A chart; without an option yet (its data still on the way) an empty box of the same size. */
export const Chart = memo(function Chart({ option, height = 320, onClick, label }: { option: ChartOption | null; height?: number; onClick?: (p: { name: string; dataIndex: number; data: unknown }) => void; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const latest = useRef(option);
  latest.current = option;
  /** The option on screen, so it is not set twice. */
  const drawn = useRef<ChartOption | null>(null);
  const queued = useRef(false);
  const gone = useRef(false);
  const ro = useRef<ResizeObserver | null>(null);

  useEffect(() => {
    gone.current = false;
    return () => {
      gone.current = true;
      queued.current = false;
      ro.current?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      drawn.current = null;
    };
  }, []);

  useEffect(() => {
    if (!option) return;
    if (chart.current) {
      if (drawn.current === option) return;
      chart.current.setOption({ animation: animate, ...option }, true);
      drawn.current = option;
      return;
    }
    if (queued.current) return; // its turn comes; it draws the latest option then
    queued.current = true;
    drawInTurn(() => {
      const div = el.current;
      if (gone.current || !queued.current || !div || !latest.current) return;
      queued.current = false;
      const c = echarts.init(div);
      chart.current = c;
      c.on('click', (p) => click.current?.(p as { name: string; dataIndex: number; data: unknown }));
      c.setOption({ animation: animate, ...latest.current }, true);
      drawn.current = latest.current;
      // The observer reports the size it starts with too: only a real change redraws.
      let size = `${div.clientWidth}x${div.clientHeight}`;
      ro.current = new ResizeObserver(() => {
        const now = `${div.clientWidth}x${div.clientHeight}`;
        if (now === size) return;
        size = now;
        c.resize();
      });
      ro.current.observe(div);
    });
  }, [option]);

  return <div ref={el} role="img" aria-label={label} aria-busy={option ? undefined : true} style={{ width: '100%', height }} />;
});
