// Filled in by the audit module.
export {};
