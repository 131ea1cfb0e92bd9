export * from './score-self-evaluation-quality.js';
