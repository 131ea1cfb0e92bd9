export * from './grade-score.js';
export * from './score-execution.js';
export * from './score-indicator.js';
export * from './score-evaluation.js';
export * from './compute-department-formulas.js';
export * from './compute-project-rollup.js';
export * from './classify-qualitative-score.js';
export * from './roll-up-stated-scores.js';
