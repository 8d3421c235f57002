// The one layout of the code, checked by `npm test` (prettier --check) and applied by `npm run format`.
export default {
  printWidth: 120,
  singleQuote: false,
  trailingComma: "all",
};
