/**
 * The security headers of every response, in one place (hono's secureHeaders): a Content-Security-
 * Policy, no framing by another site (frame-ancestors and X-Frame-Options, against clickjacking an
 * approval), nosniff and a Referrer-Policy. The app's scripts and styles all come from /assets, so
 * scripts are 'self' only; inline styles stay allowed for the home page's small <style>. The one-click
 * approval page loads nothing at all and must not leak its token in a Referer, hence its stricter set.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const common = (https: boolean) => ({
  xFrameOptions: 'DENY',
  xContentTypeOptions: true,
  // HSTS only means something over HTTPS; a plain-HTTP install (localhost) must not pin itself.
  strictTransportSecurity: https ? 'max-age=15552000; includeSubDomains' : false,
});

export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const app = secureHeaders({
    ...common(options.https),
    referrerPolicy: 'same-origin',
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
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
  return (c, next) => (c.req.path.startsWith('/approvals/link/') ? approvalLink : app)(c, next);
}
