// Lint rules for `npm run lint` (kept under .ci/ so the top level stays as the project layout says).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through AppConfig (src/config) only.' },
      ],
    },
  },
  { files: ['src/config/**', 'test/**', 'bench/**'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', globalThis: 'readonly' } } },
  // sharp, qrcode, pdfkit and fontkit each live behind one small class.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/media/image-processor.ts', 'src/stamps/rendering/qr-code.generator.ts', 'src/stamps/rendering/stamp-pdf.writer.ts', 'src/stamps/rendering/vietnamese-font.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'sharp', message: 'Use ImageProcessor (src/media/image-processor.ts).' },
            { name: 'qrcode', message: 'Use QrCodeGenerator (src/stamps/rendering/qr-code.generator.ts).' },
            { name: 'pdfkit', message: 'Use StampPdfWriter (src/stamps/rendering/stamp-pdf.writer.ts).' },
            { name: 'fontkit', message: 'Use VietnameseFont (src/stamps/rendering/vietnamese-font.ts).' },
          ],
        },
      ],
    },
  },
);
