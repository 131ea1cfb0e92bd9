// Filled in by the profiles module.
export {};
