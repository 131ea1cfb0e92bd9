// Filled in by the scoring module.
export {};
