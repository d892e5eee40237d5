/** The emails Launch Ready sends. Plain text first; the HTML is the same words with a button. */
import type { MailMessage } from './mailer';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function compose(to: string, subject: string, paragraphs: string[], action: { label: string; url: string }): MailMessage {
  const text = [...paragraphs, `${action.label}: ${action.url}`, '', '— Launch Ready'].join('\n\n');
  const html = [
    '<div style="font-family:system-ui,sans-serif;max-width:560px;line-height:1.5;color:#0f172a">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`,
    `<p style="color:#64748b;font-size:13px">If the button does not work, paste this address into your browser: ${escapeHtml(action.url)}</p>`,
    '</div>',
  ].join('');
  return { to, subject, text, html };
}

export function verificationEmail(to: string, url: string): MailMessage {
  return compose(to, 'Confirm your email for Launch Ready', [
    'Welcome to Launch Ready.',
    'Confirm this address so we can send you password resets, invitations and alerts.',
  ], { label: 'Confirm email', url });
}

export function existingAccountSignUpEmail(to: string, signInUrl: string): MailMessage {
  return compose(to, 'Someone tried to create an account with your address', [
    'Someone tried to create a Launch Ready account for this address, which already has one. Nothing was changed.',
    'If it was you, sign in instead (or reset your password from the sign-in page). If it was not you, ignore this email.',
  ], { label: 'Sign in', url: signInUrl });
}

export function passwordResetEmail(to: string, url: string): MailMessage {
  return compose(to, 'Reset your Launch Ready password', [
    'Someone asked to reset the password of the Launch Ready account for this address.',
    'The link works once and expires in one hour. Resetting signs you out everywhere else. If it was not you, ignore this email: your password stays as it is.',
  ], { label: 'Choose a new password', url });
}

export function workspaceInvitationEmail(to: string, url: string, workspaceName: string, inviterName: string, role: string): MailMessage {
  return compose(to, `${inviterName} invited you to ${workspaceName} on Launch Ready`, [
    `${inviterName} invited you to join the workspace “${workspaceName}” as ${role}.`,
    'Open the link, then sign in or create an account with this email address to accept. The invitation expires in 7 days.',
  ], { label: 'Accept invitation', url });
}

export function projectShareEmail(to: string, url: string, projectName: string, inviterName: string): MailMessage {
  return compose(to, `${inviterName} shared “${projectName}” with you on Launch Ready`, [
    `${inviterName} shared the launch roadmap of “${projectName}” with you.`,
    'Open the link, then sign in or create an account with this email address to see it. The link expires in 14 days.',
  ], { label: 'Open the project', url });
}
