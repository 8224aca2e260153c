import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import { Public } from '../auth/decorators';
import { langFromRequest } from '../common/i18n/messages';
import { AppConfig } from '../config/app-config';
import { isLotCode } from '../harvest-batches/lot-code.validator';
import { OriginPageRenderer } from '../origin-pages/origin-page.renderer';
import type { OriginView } from '../origin-pages/origin-view';
import { isSerialShape } from '../stamps/serial';
import { PublicRateLimiter } from './public-rate-limiter';
import { ResolverService, ScanContext } from './resolver.service';

// The resolver behind every QR stamp: GS1 Digital Link paths and short /s/{serial} links. Public and
// rate-limited; HTML by default (works without JavaScript in Zalo's browser), JSON on Accept.
@Public()
@ApiTags('public origin pages')
@ApiProduces('text/html', 'application/json')
@Controller()
export class OriginController {
  constructor(
    private readonly resolver: ResolverService,
    private readonly renderer: OriginPageRenderer,
    private readonly limiter: PublicRateLimiter,
    private readonly units: AdminUnitsService,
    private readonly config: AppConfig,
  ) {}

  @Get('01/:gtin/10/:lot/21/:serial')
  @ApiOperation({ summary: 'Trang truy xuất nguồn gốc khi quét tem (GS1 Digital Link); HTML, hoặc JSON với Accept: application/json / origin page of a stamp' })
  async stamp(@Param('gtin') gtin: string, @Param('lot') lot: string, @Param('serial') serial: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = this.context(req);
    // A malformed serial is answered like an unknown one (and logged), without a lookup that cannot match.
    const view = await this.resolver.scanStamp(/^\d{14}$/.test(gtin) && isSerialShape(serial) ? serial : '', ctx, { gtin, lot });
    return this.send(req, reply, view, false);
  }

  @Get('s/:serial')
  @ApiOperation({ summary: 'Trang truy xuất của tem sản phẩm không có GTIN / origin page of a stamp without GTIN' })
  async shortStamp(@Param('serial') serial: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = this.context(req);
    const view = await this.resolver.scanStamp(isSerialShape(serial) ? serial : '', ctx);
    return this.send(req, reply, view, false);
  }

  @Get('01/:gtin/10/:lot')
  @ApiOperation({ summary: 'Trang truy xuất của cả lô (không có số sê-ri); CDN có thể lưu đệm / batch-level origin page, cacheable' })
  async batch(@Param('gtin') gtin: string, @Param('lot') lot: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = this.context(req);
    // A lot outside GS1 CSET 82 (or longer than AI 10 allows) cannot exist; answered like an unknown one,
    // without a lookup (a NUL in it would fail the query).
    const wellFormed = /^\d{14}$/.test(gtin) && isLotCode(lot);
    const view = wellFormed ? await this.resolver.batchPage(gtin, lot, ctx) : await this.resolver.scanStamp('', ctx);
    return this.send(req, reply, view, true);
  }

  @Post('01/:gtin/10/:lot/21/:serial')
  @ApiOperation({ summary: 'Xác thực mã PIN cào của tem (form pin=…) / verify the scratch-off PIN' })
  @HttpCode(200)
  async pin(@Param('serial') serial: string, @Body() body: { pin?: unknown }, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.verifyPin(serial, body, req, reply);
  }

  @Post('s/:serial')
  @ApiOperation({ summary: 'Xác thực mã PIN cào (tem không GTIN) / verify the PIN of a stamp without GTIN' })
  @HttpCode(200)
  async shortPin(@Param('serial') serial: string, @Body() body: { pin?: unknown }, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.verifyPin(serial, body, req, reply);
  }

  @Get('robots.txt')
  @ApiOperation({ summary: 'Không cho máy tìm kiếm lập chỉ mục trang tem / keep stamp pages out of search engines' })
  @Header('content-type', 'text/plain; charset=utf-8')
  robots() {
    // Stamp URLs must not end up in search engines (they would be counted as scans and copied).
    return 'User-agent: *\nDisallow: /01/\nDisallow: /s/\n';
  }

  private async verifyPin(serial: string, body: { pin?: unknown }, req: FastifyRequest, reply: FastifyReply) {
    const ctx = this.context(req);
    const pin = typeof body?.pin === 'string' ? body.pin.slice(0, 32) : '';
    const view = isSerialShape(serial) ? await this.resolver.verifyPin(serial, pin, ctx) : await this.resolver.scanStamp('', ctx);
    return this.send(req, reply, view, false);
  }

  private context(req: FastifyRequest): ScanContext {
    this.limiter.take(req.ip);
    const lang = langFromRequest(req.query, req.headers['accept-language']);
    const url = new URL(req.url, this.config.publicBaseUrl);
    url.searchParams.set('lang', lang === 'vi' ? 'en' : 'vi');
    const header = this.config.scans.provinceHeader;
    const raw = header ? Number(req.headers[header]) : NaN;
    return {
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
      provinceCode: Number.isInteger(raw) && this.units.isProvince(raw) ? raw : null,
      lang,
      alternateLanguageUrl: `${url.pathname}${url.search}`,
    };
  }

  // Stamp pages are never cached: each scan must reach us to be counted (a CDN hit would blind the
  // counterfeit checks). Batch pages may be cached briefly by a CDN, revalidated by ETag.
  private send(req: FastifyRequest, reply: FastifyReply, view: OriginView, cacheable: boolean) {
    const status = this.renderer.statusCodeOf(view);
    const json = wantsJson(req.headers.accept);
    const body = json ? JSON.stringify(view) : this.renderer.render(view);
    reply.status(status).header('vary', 'Accept, Accept-Language').header('x-robots-tag', 'noindex');
    if (cacheable && status === 200) {
      const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
      reply.header('etag', etag).header('cache-control', 'public, max-age=60, stale-while-revalidate=300');
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    } else {
      reply.header('cache-control', 'no-store');
    }
    if (json) return reply.header('content-type', 'application/json; charset=utf-8').send(body);
    return reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', this.renderer.contentSecurityPolicy).send(body);
  }
}

function wantsJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = accept.indexOf('application/json');
  const html = accept.indexOf('text/html');
  return json >= 0 && (html < 0 || json < html);
}
