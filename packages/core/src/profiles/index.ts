export * from './get-profile.js';
export * from './diff-profiles.js';
export * from './match-level1-template.js';
export * from './kind-weights.js';
export * from './profile-sources.js';
export * from './department-framework.js';
export * from './common-grade-band.js';
