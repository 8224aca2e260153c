import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { presentOriginPage } from './origin-page.presenter';
import { originStatusCode } from './origin-status';
import { loadOriginTemplates, type OriginTemplates } from './origin-templates';
import type { OriginView } from './origin-view';

// The hot path of the whole product: one call per QR scan. Templates are compiled once here; render()
// is a pure function of the view (no I/O), so the controller may call it for every request.
@Injectable()
export class OriginPageRenderer {
  private readonly templates: OriginTemplates;
  /**
   * Content-Security-Policy for every page this class renders. The inlined stylesheet is allowed by
   * its hash; 'unsafe-inline' is only the fallback for CSP 1 browsers, which ignore hashes (newer
   * ones ignore 'unsafe-inline' when a hash is present). No script source at all: the page has none.
   */
  readonly contentSecurityPolicy: string;

  constructor() {
    this.templates = loadOriginTemplates();
    const styleHash = createHash('sha256').update(this.templates.css, 'utf8').digest('base64');
    this.contentSecurityPolicy = [
      "default-src 'none'",
      "img-src 'self' https: data:",
      `style-src 'sha256-${styleHash}' 'unsafe-inline'`,
      "form-action 'self'",
      "base-uri 'none'",
    ].join('; ');
  }

  render(view: OriginView): string {
    // NFC: names typed on some keyboards arrive decomposed; several Android fonts place the loose
    // combining marks badly, and find-in-page treats the two forms as different text.
    return this.templates.page({ ...presentOriginPage(view), css: this.templates.css }).normalize('NFC');
  }

  statusCodeOf(view: OriginView): number {
    return originStatusCode(view.verdict);
  }
}
