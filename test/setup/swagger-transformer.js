// Lets ts-jest run the same @nestjs/swagger compiler plugin as `nest build`, so the OpenAPI document
// seen by the tests describes DTOs exactly as the built service does.
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (cs) =>
  transformer.before(
    { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts', '.query.ts'] },
    cs.program,
  );
