import { router, createCallerFactory } from './init';
import { meRouter } from './routers/me';
import { projectRouter } from './routers/project';
import { roadmapRouter } from './routers/roadmap';
import { checksRouter } from './routers/checks';
import { findingsRouter } from './routers/findings';
import { workspaceRouter } from './routers/workspace';
import { auditRouter } from './routers/stages/audit';
import { routingRouter } from './routers/stages/routing';
import { perimeterRouter } from './routers/stages/perimeter';
import { deploymentRouter } from './routers/stages/deployment';
import { performanceRouter } from './routers/stages/performance';
import { observabilityRouter } from './routers/stages/observability';
import { handoverRouter } from './routers/stages/handover';
import { handoverPackRouter } from './routers/handover-pack';
import { monitoringRouter } from './routers/monitoring';
import { chatbotRouter } from './routers/chatbot';
import { journeysRouter } from './routers/journeys';
import { secretsRouter } from './routers/secrets';

export const appRouter = router({
  me: meRouter,
  workspace: workspaceRouter,
  project: projectRouter,
  roadmap: roadmapRouter,
  checks: checksRouter,
  findings: findingsRouter,
  // One router per roadmap stage, in the roadmap's order.
  audit: auditRouter,
  routing: routingRouter,
  perimeter: perimeterRouter,
  deployment: deploymentRouter,
  performance: performanceRouter,
  observability: observabilityRouter,
  handover: handoverRouter,
  handoverPack: handoverPackRouter,
  monitoring: monitoringRouter,
  chatbot: chatbotRouter,
  journeys: journeysRouter,
  secrets: secretsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
