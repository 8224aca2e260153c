import { IsIn, IsOptional } from 'class-validator';

export class TemplateQuery {
  /** CSV separator: comma (default) or semicolon, for Excel set to a locale whose list separator is ";". */
  @IsOptional() @IsIn(['comma', 'semicolon'])
  separator?: 'comma' | 'semicolon';
}
