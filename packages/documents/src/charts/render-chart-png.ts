/**
 * A chart to PNG without a browser: echarts server-side rendering to SVG, then
 * @resvg/resvg-js to PNG with a CJK font file. Without a CJK font the chart is still
 * rendered (labels may show as boxes) and `fontMissing` says so.
 */
import * as echarts from 'echarts';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { chartFontFor } from './find-cjk-font.js';

export type ChartSpec =
  | {
      kind: 'bar';
      title: string;
      categories: string[];
      /** null: not stated, not drawn. */
      series: { name: string; data: (number | null)[] }[];
      unit?: string;
    }
  | { kind: 'pie'; title: string; data: { name: string; value: number }[]; unit?: string };

export interface ChartPng {
  png: Uint8Array;
  width: number;
  height: number;
  /** True when no CJK font was found and Chinese labels may not show. */
  fontMissing: boolean;
}

export interface RenderChartOptions {
  width?: number;
  height?: number;
  /** Pixel ratio of the PNG relative to width/height. */
  scale?: number;
  fontFile?: string | null;
}

export function chartOption(spec: ChartSpec, fontFamily: string): echarts.EChartsCoreOption {
  const base = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily },
    title: { text: spec.title, left: 'center', top: 8, textStyle: { fontSize: 16, fontFamily } },
  };
  if (spec.kind === 'pie') {
    return {
      ...base,
      legend: { bottom: 4, textStyle: { fontFamily } },
      series: [
        {
          type: 'pie',
          radius: ['30%', '58%'],
          center: ['50%', '52%'],
          label: { formatter: '{b}\n{c}（{d}%）', fontFamily },
          data: spec.data,
        },
      ],
    };
  }
  return {
    ...base,
    legend: spec.series.length > 1 ? { bottom: 4, textStyle: { fontFamily } } : undefined,
    grid: { left: 56, right: 24, top: 56, bottom: spec.series.length > 1 ? 64 : 40 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, fontFamily } },
    yAxis: { type: 'value', name: spec.unit ?? '', nameTextStyle: { fontFamily } },
    series: spec.series.map((s) => ({ type: 'bar', name: s.name, data: s.data.map((v) => v ?? '-'), label: { show: true, position: 'top', fontFamily }, barMaxWidth: 48 })),
  };
}

export function renderChartSvg(spec: ChartSpec, width = 640, height = 360, fontFamily = 'sans-serif'): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec, fontFamily));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Every piece of text a chart prints (title, categories, series names, unit, slice names, digits). */
export function chartText(spec: ChartSpec): string {
  const parts = [spec.title, spec.unit ?? '', '0123456789.-%（）'];
  if (spec.kind === 'pie') parts.push(...spec.data.map((d) => d.name));
  else parts.push(...spec.categories, ...spec.series.map((s) => s.name));
  return parts.join('');
}

function resvgOptions(spec: ChartSpec, options: RenderChartOptions) {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const scale = options.scale ?? 2;
  const font = options.fontFile === undefined ? chartFontFor(chartText(spec)) : options.fontFile ? { file: options.fontFile, family: 'sans-serif' } : null;
  const family = font?.family ?? 'sans-serif';
  const svg = renderChartSvg(spec, width, height, family);
  const resvg: ResvgRenderOptions = {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: font ? { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: family } : { loadSystemFonts: true },
  };
  return { svg, resvg, width: width * scale, height: height * scale, fontMissing: font === null };
}

const pngOf = (png: Buffer): Uint8Array => new Uint8Array(png.buffer, png.byteOffset, png.byteLength);

export function renderChartPng(spec: ChartSpec, options: RenderChartOptions = {}): ChartPng {
  const o = resvgOptions(spec, options);
  return { png: pngOf(new Resvg(o.svg, o.resvg).render().asPng()), width: o.width, height: o.height, fontMissing: o.fontMissing };
}

/** The same, with the font parsing and drawing on libuv's thread pool (several charts at once). */
export async function renderChartPngAsync(spec: ChartSpec, options: RenderChartOptions = {}): Promise<ChartPng> {
  const o = resvgOptions(spec, options);
  const image = await renderAsync(o.svg, o.resvg);
  return { png: pngOf(image.asPng()), width: o.width, height: o.height, fontMissing: o.fontMissing };
}
