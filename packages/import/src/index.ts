// Public API of @jixiao/import: read published self-evaluation reports into the evaluation model.
export { importReport, importFile, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './import-report.js';
export type { ImportOptions, ImportResult } from './import-report.js';
export type { ReportFormat } from './detect-format.js';
export { detectFormat } from './detect-format.js';
export { normaliseLines, compactLine, latexToText } from './normalise-text.js';
export { decodeText } from './decode-text.js';
export { scanNumbers, parseCellNumber } from './parse-number.js';
export { detectTables, detectTables as segmentBlocks } from './detect/detect-tables.js';
export { buildDocument } from './document/build-document.js';
export type { Block, Row, Cell, DocumentOfBlocks } from './document/document.js';
export { safeUnzip, isZip, DEFAULT_UNZIP_LIMITS, type UnzipLimits } from './readers/safe-unzip.js';
