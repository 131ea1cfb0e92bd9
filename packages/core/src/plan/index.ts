export * from './target-tree.js';
export * from './validate-target-tree.js';
export * from './check-target-quality.js';
export * from './monitoring.js';
export * from './diff-target-trees.js';
export * from './carry-indicator-entries.js';
