/**
 * The security headers of every response, in one place (hono's secureHeaders): a Content-Security-
 * Policy, no framing by another site (frame-ancestors and X-Frame-Options, against clickjacking an
 * approval), nosniff and a Referrer-Policy. The app's scripts and styles all come from /assets, so
 * scripts are 'self' only; inline styles stay allowed for the home page's small <style>. The one-click
 * approval page loads nothing at all and must not leak its token in a Referer, hence its stricter set.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const common = (https: boolean, framing: 'DENY' | 'SAMEORIGIN' = 'DENY') => ({
  xFrameOptions: framing,
  xContentTypeOptions: true,
  // HSTS only means something over HTTPS; a plain-HTTP install (localhost) must not pin itself.
  strictTransportSecurity: https ? 'max-age=15552000; includeSubDomains' : false,
});

const appPolicy = (frameAncestors: string) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: [frameAncestors],
});

// A stored document's file (beside an action in the approvals inbox, on a record's page) and an invoice's
// PDF on its page: our own pages may frame them.
const DOCUMENT_FILE = /^\/app\/(documents\/[^/]+\/file|registers\/invoices\/[^/]+\/pdf)$/;

export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const app = secureHeaders({
    ...common(options.https),
    referrerPolicy: 'same-origin',
    contentSecurityPolicy: appPolicy("'none'"),
  });
  const documentFile = secureHeaders({
    ...common(options.https, 'SAMEORIGIN'),
    referrerPolicy: 'same-origin',
    contentSecurityPolicy: appPolicy("'self'"),
  });
  const approvalLink = secureHeaders({
    ...common(options.https),
    referrerPolicy: 'no-referrer',
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'unsafe-inline'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
  });
  return (c, next) => {
    if (c.req.path.startsWith('/approvals/link/')) return approvalLink(c, next);
    return (DOCUMENT_FILE.test(c.req.path) ? documentFile : app)(c, next);
  };
}
