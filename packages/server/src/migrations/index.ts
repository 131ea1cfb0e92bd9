/**
 * Every migration, by name (timestamp first, so names sort in the order they run).
 * Forward-only: add a file and a line here; never edit or remove a committed one.
 */
import type { Migration } from 'kysely';
import * as m20261122_0310 from './20261122-0310-initial.js';
import * as m20261122_0410 from './20261122-0410-rectification-findings.js';
import * as m20261128_2300 from './20261128-2300-transfer-kind.js';
import * as m20261129_0100 from './20261129-0100-projects.js';
import * as m20261129_1200 from './20261129-1200-operations-hardening.js';
import * as m20261130_0900 from './20261130-0900-annual-cycle.js';
import * as m20261130_1800 from './20261130-1800-grading-and-submission-checks.js';
import * as m20261201_0900 from './20261201-0900-after-cycle.js';
import * as m20261202_0900 from './20261202-0900-statistics-indexes.js';
import * as m20261203_0900 from './20261203-0900-submission-blocking-count.js';
import * as m20261204_0900 from './20261204-0900-recompute-grades.js';
import * as m20261205_0900 from './20261205-0900-quality-computed.js';
import * as m20261206_0900 from './20261206-0900-evaluations-by-target.js';

export const MIGRATIONS: Record<string, Migration> = {
  '20261122-0310-initial': m20261122_0310,
  '20261122-0410-rectification-findings': m20261122_0410,
  '20261128-2300-transfer-kind': m20261128_2300,
  '20261129-0100-projects': m20261129_0100,
  '20261129-1200-operations-hardening': m20261129_1200,
  '20261130-0900-annual-cycle': m20261130_0900,
  '20261130-1800-grading-and-submission-checks': m20261130_1800,
  '20261201-0900-after-cycle': m20261201_0900,
  '20261202-0900-statistics-indexes': m20261202_0900,
  '20261203-0900-submission-blocking-count': m20261203_0900,
  '20261204-0900-recompute-grades': m20261204_0900,
  '20261205-0900-quality-computed': m20261205_0900,
  '20261206-0900-evaluations-by-target': m20261206_0900,
};
