/** Parsed forms of target (年度指标值) and actual (实际完成值) text. */
import type { Decimal } from '../decimal/decimal.js';
import type { QualitativeLevel } from '../model/evaluation.js';

export type TargetSign = '>=' | '>' | '=' | '<=' | '<';

export type ParsedTarget =
  | {
      kind: 'quantitative';
      sign: TargetSign;
      value: Decimal;
      /** Upper end for ranges "90%-95%" (value is the lower end, sign ">="). */
      upper: Decimal | null;
      /** Unit of measure as written ("次", "万元", "个"); "%" is reported via `percent`. */
      unit: string | null;
      percent: boolean;
      raw: string;
    }
  | {
      kind: 'qualitative';
      /** The expected level word, normalised ("增强", "达标", "是" …). */
      level: string;
      raw: string;
    }
  | {
      kind: 'unparseable';
      /** Plain Chinese reason, e.g. "同时出现“低于”和“及以上”，方向矛盾". */
      reason: string;
      raw: string;
    };

export type ParsedActual =
  | { kind: 'quantitative'; value: Decimal; unit: string | null; percent: boolean; raw: string }
  | { kind: 'qualitative'; level: QualitativeLevel | null; word: string; raw: string }
  | { kind: 'empty'; raw: string }
  | { kind: 'unparseable'; reason: string; raw: string };
