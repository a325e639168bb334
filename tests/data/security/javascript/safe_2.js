function run(code) {
  return JSON.parse(code);
}
