import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AnnualTaskRepository } from './annual-task.repository.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import { MonitoringRepository } from './monitoring.repository.js';
import { OrgRepository } from './org.repository.js';
import { ProjectRepository } from './project.repository.js';
import { RectificationRepository } from './rectification.repository.js';
import { ResultApplicationRepository } from './result-application.repository.js';
import { PublicRepository } from './public.repository.js';
import { SampleRepository } from './sample.repository.js';
import { SessionRepository } from './session.repository.js';
import { TargetRepository } from './target.repository.js';
import { UserRepository } from './user.repository.js';

/** All repositories over one Kysely handle (the database, or an open transaction). */
export function repositories(db: Kysely<DB>) {
  return {
    org: new OrgRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    evaluations: new EvaluationRepository(db),
    auditLog: new AuditLogRepository(db),
    targets: new TargetRepository(db),
    samples: new SampleRepository(db),
    rectifications: new RectificationRepository(db),
    loginThrottle: new LoginThrottleRepository(db),
    projects: new ProjectRepository(db),
    tasks: new AnnualTaskRepository(db),
    monitoring: new MonitoringRepository(db),
    resultApplications: new ResultApplicationRepository(db),
    publicPortal: new PublicRepository(db),
  };
}
export type Repositories = ReturnType<typeof repositories>;
