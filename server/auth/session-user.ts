/** Who is signed in, as every layer sees it (tRPC context, session cache, services). */
export type SessionUser = { id: string; email: string; name: string; emailVerified: boolean };
