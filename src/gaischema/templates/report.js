(function () {
  const rows = JSON.parse(document.getElementById('report-data').textContent);
  const table = document.getElementById('report-table');
  const body = table.tBodies[0];
  const heads = [...table.tHead.rows[0].cells];
  const keys = heads.map(h => h.dataset.key);
  let order = {key: null, dir: 1}, query = '';
  const opened = new Set();
  function el(tag, cls, txt) { const e = document.createElement(tag); if (cls) e.className = cls; if (txt !== undefined) e.textContent = txt; return e; }
  // one report's findings, each beside the original's piece that holds its cell: a picture of the printed
  // row (PDF, scan) or the source row's text with the cell marked
  function findingsRow(r) {
    const tr = el('tr', 'findings'), td = el('td'); td.colSpan = keys.length;
    if (r.corrected) td.appendChild(el('p', 'corrected', r.corrected + ' 个单元格经人工更正 / cells corrected by hand'));
    const ul = el('ul');
    for (const f of r.findings) {
      const li = el('li', 'finding ' + (f.state || 'unreviewed'));
      li.dataset.path = f.path || '';
      const head = el('div', 'head');
      head.appendChild(el('b', '', f.rule)); head.appendChild(document.createTextNode(' ' + (f.cell || f.path || '') + '：' + f.message));
      if (f.state) head.appendChild(el('span', 'state', f.state === 'confirmed' ? '已确认 confirmed' : '误读 misread'));
      head.appendChild(el('small', '', ' ' + f.message_en));
      li.appendChild(head);
      if (f.ev) {
        const ev = el('div', 'evidence');
        ev.appendChild(el('small', 'where', '原文 original: ' + (f.ev.where || '')));
        if (f.ev.img) {
          const shot = el('div', 'shot'), img = el('img'); img.src = f.ev.img; img.alt = '原文该行 the printed row'; img.loading = 'lazy';
          shot.appendChild(img);
          if (f.ev.frame) {  // the cell, framed over its row's picture (percent of the picture)
            const fr = el('div', 'frame'), [l, t, w, h] = f.ev.frame;
            Object.assign(fr.style, {left: l + '%', top: t + '%', width: w + '%', height: h + '%'});
            shot.appendChild(fr);
          }
          ev.appendChild(shot);
        }
        else if (f.ev.text !== undefined) {
          const row = el('div', 'row');
          row.appendChild(document.createTextNode(f.ev.text.slice(0, f.ev.start)));
          row.appendChild(el('mark', '', f.ev.text.slice(f.ev.start, f.ev.end) || '□'));
          row.appendChild(document.createTextNode(f.ev.text.slice(f.ev.end)));
          ev.appendChild(row);
        }
        li.appendChild(ev);
      }
      ul.appendChild(li);
    }
    td.appendChild(ul); tr.appendChild(td);
    return tr;
  }
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
        else if ((k === 'errors' || k === 'warnings') && r.findings && r.findings.length) {
          const b = document.createElement('button'); b.className = 'open-findings'; b.textContent = text(r, k);
          b.title = '发现及原文 findings beside the print';
          b.addEventListener('click', () => { opened.has(r) ? opened.delete(r) : opened.add(r); draw(); });
          td.appendChild(b);
        }
        else td.textContent = text(r, k);
        tr.appendChild(td);
      }
      if (r.corrected) tr.dataset.corrected = r.corrected;
      frag.appendChild(tr);
      if (opened.has(r)) frag.appendChild(findingsRow(r));
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
