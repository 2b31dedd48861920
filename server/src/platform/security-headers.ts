import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from './config.js';

/**
 * Security headers (helmet) for every response: a CSP the built web app passes (its scripts
 * and styles come from /assets; Element Plus sets inline style attributes; the socket is on
 * the same origin), no framing except the wall screen where FRAME_ANCESTORS allows it,
 * nosniff, a strict Referrer-Policy, and HSTS when a TLS-terminating proxy is trusted and
 * says the request came over HTTPS.
 */
export function securityHeaders(config: Pick<Config, 'frameAncestors' | 'trustProxy' | 'introspection'>): RequestHandler {
  const csp = (frameAncestors: string[]) => ({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: frameAncestors.length ? frameAncestors : ["'none'"],
    },
  });
  const common = {
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' as const },
    xContentTypeOptions: true,
  };
  const page = helmet({ ...common, contentSecurityPolicy: csp([]), xFrameOptions: { action: 'deny' } });
  // X-Frame-Options cannot name origins: the wall screen relies on CSP frame-ancestors alone.
  const wall = helmet({ ...common, contentSecurityPolicy: csp(config.frameAncestors), xFrameOptions: !config.frameAncestors.length && { action: 'deny' } });
  // Apollo's development landing page (only with introspection on) loads its own scripts.
  const api = config.introspection ? helmet({ ...common, contentSecurityPolicy: false, xFrameOptions: { action: 'deny' } }) : page;
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600, includeSubDomains: true });
  return (req, res, next) => {
    const handler = req.path.startsWith('/graphql') ? api : req.path === '/wall' || req.path.startsWith('/wall/') ? wall : page;
    handler(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (config.trustProxy && req.secure) return hsts(req, res, next);
      next();
    });
  };
}
