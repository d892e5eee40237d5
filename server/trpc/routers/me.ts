import { authedProcedure, publicProcedure, router } from '../init';
import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { listSharedWithUser } from '@/db/queries/projects';

export const meRouter = router({
  /** Who is signed in, or null: lets public pages adapt without throwing. */
  session: publicProcedure.query(({ ctx }) => ctx.user),

  /** What the app shell needs: the user, their workspaces and the projects shared with them. */
  home: authedProcedure.query(async ({ ctx }) => ({
    user: ctx.user,
    workspaces: await listWorkspacesForUser(ctx.db, { userId: ctx.user.id }),
    shared: await listSharedWithUser(ctx.db, { userId: ctx.user.id }),
  })),
});
