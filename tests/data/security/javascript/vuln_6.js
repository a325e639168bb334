function show(el, html) {
  el.innerHTML = html;
}
