function show(el, text) {
  el.textContent = text;
  const r = /a(b)/.exec(text);
}
