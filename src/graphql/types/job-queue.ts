/** `jobQueues`: the caller's organization's job backlog per queue (see domain/jobs/backlog.ts). */
import type { QueueBacklog } from '../../domain/jobs/backlog';
import { orgIdOf } from '../context';
import { builder } from '../builder';

const JobQueueRef = builder.objectRef<QueueBacklog>('JobQueue').implement({
  description: "One job queue's backlog of your organization",
  fields: (t) => ({
    queue: t.exposeString('queue', { description: 'webhook.process (stored webhooks to read), transfer.run (transfers to run), delivery (outbound webhooks)…' }),
    queued: t.exposeInt('queued', { description: 'Jobs waiting: due now, or scheduled for a retry' }),
    running: t.exposeInt('running', { description: 'Jobs a worker holds' }),
    dead: t.exposeInt('dead', { description: 'Jobs that used up their attempts (replayable)' }),
    oldestQueuedAgeSeconds: t.exposeFloat('oldestQueuedAgeSeconds', { description: 'How long the oldest due job has waited for a worker (0 when none waits)' }),
  }),
});

builder.queryFields((t) => ({
  jobQueues: t.field({
    type: [JobQueueRef],
    description: "Your organization's jobs not yet finished, per queue: how far processing is behind what was received",
    resolve: (_root, _args, ctx) => ctx.services.backlog.forOrg(orgIdOf(ctx)),
  }),
}));
