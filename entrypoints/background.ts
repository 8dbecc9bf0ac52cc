export default defineBackground(() => {
  // Filled in by the extension issue: PDF interception and message routing.
});
