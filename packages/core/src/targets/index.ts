export * from './normalise-target-text.js';
export * from './parse-target.js';
export * from './parse-actual.js';
export * from './format-target.js';
