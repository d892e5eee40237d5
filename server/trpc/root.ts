import { router, createCallerFactory } from './init';
import { meRouter } from './routers/me';
import { projectRouter } from './routers/project';
import { workspaceRouter } from './routers/workspace';

export const appRouter = router({
  me: meRouter,
  workspace: workspaceRouter,
  project: projectRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
