export * from './suggest-budget-action.js';
