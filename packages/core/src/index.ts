// Public API of @jixiao/core: pure functions and data, no I/O.
export * from './decimal/decimal.js';
export * from './decimal/judge-stated.js';
export * from './errors/error-codes.js';
export * from './text/neutralise-spreadsheet-text.js';
export * from './model/evaluation.js';
export * from './model/parse-evaluation.js';
export * from './model/field-labels.js';
export * from './profiles/profile.js';
export type * from './targets/types.js';
export type * from './scoring/types.js';
export type * from './audit/types.js';
export * from './targets/index.js';
export * from './profiles/index.js';
export * from './scoring/index.js';
export * from './audit/index.js';
export * from './plan/index.js';
export * from './quality/index.js';
export * from './results/index.js';
