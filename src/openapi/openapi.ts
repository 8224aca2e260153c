import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'message', 'requestId'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    code: { type: 'string', example: 'VALIDATION_FAILED', description: 'Stable machine-readable error code' },
    message: { type: 'string', example: 'Dữ liệu không hợp lệ: taxCode', description: 'Vietnamese by default; English with Accept-Language: en or ?lang=en' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string', example: 'taxCode' }, message: { type: 'string' } },
      },
    },
    requestId: { type: 'string', description: 'Also in the X-Request-Id header; quote it when reporting a problem' },
  },
};

const STANDARD_ERRORS: Record<string, string> = {
  '400': 'Dữ liệu không hợp lệ / invalid input (details name the fields)',
  '401': 'Chưa đăng nhập hoặc token hết hạn / not authenticated',
  '403': 'Không có quyền / not allowed',
  '404': 'Không tìm thấy (hoặc ngoài phạm vi bạn được xem) / not found or outside your scope',
  '429': 'Quá nhiều yêu cầu / rate limited (see Retry-After)',
  '500': 'Lỗi hệ thống / internal error',
};

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Nguồn API')
    .setDescription(
      'Truy xuất nguồn gốc và đăng bán nông sản cho hợp tác xã.\n\n' +
        'Traceability stamps, origin pages and marketplace listings for Vietnamese agricultural cooperatives. ' +
        'Log in with POST /auth/login and send `Authorization: Bearer <token>`. Every error has the body ErrorBody.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ErrorBody: ERROR_BODY_SCHEMA };
  // Every operation answers errors in one documented shape; add them once here rather than per route.
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
      for (const [status, description] of Object.entries(STANDARD_ERRORS)) {
        operation.responses[status] ??= {
          description,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        };
      }
    }
  }
  return document;
}

export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApi(app), {
    jsonDocumentUrl: 'docs/openapi.json',
    customSiteTitle: 'Nguồn API',
  });
}
