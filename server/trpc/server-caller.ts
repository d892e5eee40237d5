/** The tRPC caller server components use: same procedures, same authorization, no HTTP hop. */
import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { createCaller } from './root';
import { createRequestContext } from './request-context';

export const serverCaller = cache(async () => createCaller(await createRequestContext(await headers())));
