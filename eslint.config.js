import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

export default tseslint.config(
  { ignores: ['**/dist/**', 'server/dist-before/**', '**/node_modules/**', 'web/src/graphql/generated/**', 'test-output/**', '**/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // TypeORM and TypeGraphQL type functions and entity lists are typed as Function.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      'vue/multi-word-component-names': 'off',
      // Formatting is Prettier's job.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      // The floor state's receptions are a Map (rotation/domain/types.ts): Object.values of it is
      // silently empty.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Object'][arguments.0.property.name='receptions']",
          message: 'A floor state\'s receptions are a Map: use .values(), .get() or .size',
        },
        {
          selector: "TSAsExpression[typeAnnotation.typeName.name='RotationState'] > CallExpression[callee.object.name='JSON'][callee.property.name='parse']",
          message: 'A stored floor state is read with restoreState (its receptions become a Map)',
        },
      ],
    },
  },
  {
    // The configuration module is the only place that reads process.env (test support aside).
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/platform/config.ts', 'server/src/test-support/**', 'server/src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through platform/config.ts' }],
    },
  },
);
