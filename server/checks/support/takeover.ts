/**
 * Hosting services where a CNAME left pointing at a deleted app, bucket or site lets anyone
 * who creates one with the same name serve content on your subdomain (subdomain takeover).
 */
const TAKEOVER_PRONE_SUFFIXES = [
  'herokuapp.com', 'herokudns.com', 'herokussl.com',
  'vercel.app', 'now.sh', 'vercel-dns.com',
  'github.io', 'gitlab.io', 'bitbucket.io',
  'netlify.app', 'netlify.com',
  'pages.dev', 'workers.dev',
  'fly.dev', 'onrender.com', 'railway.app', 'surge.sh',
  's3.amazonaws.com', 's3-website.amazonaws.com', 'amazonaws.com', 'cloudfront.net', 'elasticbeanstalk.com',
  'azurewebsites.net', 'cloudapp.net', 'cloudapp.azure.com', 'trafficmanager.net', 'blob.core.windows.net', 'azureedge.net', 'azurefd.net',
  'appspot.com', 'web.app', 'firebaseapp.com', 'storage.googleapis.com',
  'myshopify.com', 'wordpress.com', 'ghost.io', 'pantheonsite.io', 'wpengine.com', 'webflow.io',
  'zendesk.com', 'helpscoutdocs.com', 'readme.io', 'statuspage.io', 'freshdesk.com', 'uservoice.com', 'unbouncepages.com', 'tumblr.com', 'desk.com',
] as const;

/** The provider suffix a name falls under, if it is a known takeover-prone service. */
export function takeoverProneService(name: string): string | undefined {
  const host = name.toLowerCase().replace(/\.$/, '');
  return TAKEOVER_PRONE_SUFFIXES.find((suffix) => host === suffix || host.endsWith(`.${suffix}`) || (suffix.startsWith('s3') && /\.s3[.-]/.test(host)));
}
