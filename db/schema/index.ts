export * from './auth';
export * from './workspaces';
export * from './projects';
export * from './project-shares';
export * from './outbox';
