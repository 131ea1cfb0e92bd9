// Filled in by the targets module.
export {};
