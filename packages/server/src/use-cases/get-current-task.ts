/**
 * The open annual task of the actor's bureau (the web app's default year), and for a unit its
 * notice: the due date, whether it is locked (and the unlock in force), and the reminders (催报) it received.
 */
import type { AppContext } from '../context.js';
import { lockStateOf } from '../plan/deadline-lock.js';
import { bureauOfActor, inScope, taskJson } from '../plan/task-access.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';

export async function getCurrentTask(ctx: AppContext, actor: Actor) {
  const r = repositories(ctx.db);
  const bureauId = await bureauOfActor(r, actor);
  const task = bureauId === null ? undefined : await r.tasks.findOpen(bureauId);
  if (!task) return { task: null, unit: null };
  const unitId = actor.unitId;
  if (unitId === null || !(actor.role === 'unit_filler' || actor.role === 'unit_head')) return { task: taskJson(task), unit: null };
  const lock = await lockStateOf(r, task, unitId, ctx.now());
  const reminders = await r.tasks.listReminders(task.id, unitId);
  return {
    task: taskJson(task),
    unit: {
      inScope: inScope(task, unitId),
      locked: lock.locked,
      unlock: lock.unlock,
      reminders: reminders.slice(0, 10).map((x) => ({ id: x.id, message: x.message, sentAt: new Date(x.sent_at).toISOString(), sentBy: x.sentBy })),
    },
  };
}
