/**
 * What the caller may do, looked up once per HTTP request: a batched tRPC GET (the overview sends
 * three procedures) or one server render (layout and page call several) shares the answers
 * instead of asking the database again per procedure. Reads only: a mutation always asks afresh
 * and then forgets everything, so nothing it changes is judged on an older answer.
 */
import type { DbOrTx } from '@/db/types';
import { findProjectAccess, findWorkspaceAccess, type ProjectAccess, type WorkspaceAccess } from '@/server/auth/access';

export function createAccessMemo() {
  const projects = new Map<string, Promise<ProjectAccess | null>>();
  const workspaces = new Map<string, Promise<WorkspaceAccess | null>>();

  function remembered<T>(memo: Map<string, Promise<T>>, key: string, isRead: boolean, look: () => Promise<T>): Promise<T> {
    if (!isRead) {
      projects.clear();
      workspaces.clear();
      return look();
    }
    let answer = memo.get(key);
    if (!answer) {
      answer = look();
      memo.set(key, answer);
      answer.catch(() => memo.delete(key));
    }
    return answer;
  }

  return {
    project: (db: DbOrTx, projectId: string, userId: string, isRead: boolean) =>
      remembered(projects, `${userId}|${projectId}`, isRead, () => findProjectAccess(db, projectId, userId)),
    workspace: (db: DbOrTx, workspaceId: string, userId: string, isRead: boolean) =>
      remembered(workspaces, `${userId}|${workspaceId}`, isRead, () => findWorkspaceAccess(db, workspaceId, userId)),
  };
}

export type AccessMemo = ReturnType<typeof createAccessMemo>;

/** Without a request to share answers with (tests' callers, scripts): ask the database every time. */
export const askEveryTime: AccessMemo = {
  project: (db, projectId, userId) => findProjectAccess(db, projectId, userId),
  workspace: (db, workspaceId, userId) => findWorkspaceAccess(db, workspaceId, userId),
};
