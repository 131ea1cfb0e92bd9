export * from './get-profile.js';
export * from './diff-profiles.js';
