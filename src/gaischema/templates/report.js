(function () {
  const rows = JSON.parse(document.getElementById('report-data').textContent);
  const table = document.getElementById('report-table');
  const body = table.tBodies[0];
  const heads = [...table.tHead.rows[0].cells];
  const keys = heads.map(h => h.dataset.key);
  let order = {key: null, dir: 1}, query = '';
  function text(r, k) { const v = r[k]; return Array.isArray(v) ? v.join(' ') : (v === null || v === undefined ? '' : String(v)); }
  function draw() {
    let shown = rows;
    if (query) { const q = query.toLowerCase(); shown = rows.filter(r => keys.some(k => text(r, k).toLowerCase().includes(q))); }
    if (order.key) {
      const k = order.key, num = heads[keys.indexOf(k)].dataset.type === 'number';
      shown = [...shown].sort((a, b) => {
        const x = a[k], y = b[k];
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (num ? x - y : text(a, k).localeCompare(text(b, k), 'zh')) * order.dir;
      });
    }
    const frag = document.createDocumentFragment();
    for (const r of shown) {
      const tr = document.createElement('tr');
      tr.className = r.status;
      for (const k of keys) {
        const td = document.createElement('td');
        if (k === 'file') {
          if (r.link) { const a = document.createElement('a'); a.href = r.link; a.textContent = r.file; a.className = 'rendering'; td.appendChild(a); }
          else td.appendChild(document.createTextNode(r.file));
          if (r.source) {
            const a = document.createElement('a'); a.href = r.source; a.textContent = '原文 original'; a.className = 'original';
            td.appendChild(document.createTextNode(' ')); td.appendChild(a);
          }
        }
        else td.textContent = text(r, k);
        tr.appendChild(td);
      }
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
    document.getElementById('shown').textContent = shown.length + ' / ' + rows.length;
  }
  heads.forEach(h => h.addEventListener('click', () => {
    order = {key: h.dataset.key, dir: order.key === h.dataset.key ? -order.dir : 1};
    heads.forEach(x => x.classList.remove('asc', 'desc'));
    h.classList.add(order.dir > 0 ? 'asc' : 'desc');
    draw();
  }));
  document.getElementById('filter').addEventListener('input', e => { query = e.target.value.trim(); draw(); });
  draw();
})();
