/** Inputs bound to a model path. `onField` is stable, so memoised rows skip re-rendering. */
import { Input, Select } from 'antd';
import { memo, useState } from 'react';

export type OnField = (path: string, value: unknown) => void;

interface CellProps {
  path: string;
  value: string | number | null | undefined;
  onField: OnField;
  readOnly?: boolean;
  numeric?: boolean;
  integer?: boolean;
  placeholder?: string;
  status?: '' | 'error' | 'warning';
  label: string;
  multiline?: boolean;
  rows?: number;
  /** A required text (a name): empty input stays "" instead of null. */
  required?: boolean;
  /** What is wrong with the cell (shown on hover). */
  hint?: string;
}

/** One text/number cell. Empty input is stored as null, so it never reads as "not a number". */
export const Cell = memo(function Cell({ path, value, onField, readOnly, numeric, integer, placeholder, status, label, multiline, rows, required, hint }: CellProps) {
  const text = value === null || value === undefined ? '' : String(value);
  // Long text folds to three lines until focused (editing) or clicked (reading).
  const [open, setOpen] = useState(false);
  if (readOnly) {
    const long = multiline && text.length > 60;
    return (
      <span
        data-path={path}
        tabIndex={-1}
        className={long && !open ? 'jx-fold' : undefined}
        title={long && !open ? '点击展开' : undefined}
        onClick={long ? () => setOpen(!open) : undefined}
        style={{ whiteSpace: 'pre-wrap', display: 'block', textAlign: numeric ? 'right' : undefined }}
      >
        {text || <span style={{ color: '#bbb' }}>—</span>}
      </span>
    );
  }
  const onChange = (v: string) => {
    if (v.trim() === '') return onField(path, required ? '' : null);
    if (integer && /^\d+$/.test(v.trim())) return onField(path, Number(v.trim()));
    onField(path, v);
  };
  if (multiline) {
    return (
      <Input.TextArea
        data-path={path}
        aria-label={label}
        value={text}
        placeholder={placeholder}
        status={status || undefined}
        autoSize={{ minRows: rows ?? 1, maxRows: open ? 12 : Math.max(3, rows ?? 1) }}
        variant={status ? 'outlined' : 'borderless'}
        title={hint}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Input
      data-path={path}
      aria-label={label}
      value={text}
      placeholder={placeholder}
      status={status || undefined}
      title={hint}
      inputMode={numeric ? 'decimal' : undefined}
      variant={status ? 'outlined' : 'borderless'}
      onChange={(e) => onChange(e.target.value)}
    />
  );
});

export const QUALITATIVE_OPTIONS = [
  { value: 'achieved', label: '达成年度指标' },
  { value: 'partial', label: '部分达成并具有一定效果' },
  { value: 'not_achieved', label: '未达成且效果较差' },
];

export const QualitativeSelect = memo(function QualitativeSelect({ path, value, onField, readOnly }: { path: string; value: string | null; onField: OnField; readOnly?: boolean }) {
  if (readOnly) return <span data-path={path}>{QUALITATIVE_OPTIONS.find((o) => o.value === value)?.label ?? ''}</span>;
  return (
    <Select
      data-path={path}
      aria-label="定性指标完成等级"
      size="small"
      allowClear
      placeholder="定性等级"
      value={value ?? undefined}
      options={QUALITATIVE_OPTIONS}
      onChange={(v) => onField(path, v ?? null)}
      style={{ width: '100%', marginTop: 2 }}
      popupMatchSelectWidth={false}
    />
  );
});
