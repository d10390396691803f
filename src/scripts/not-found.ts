/**
 * On the 404 page: an address of a day page that no longer exists (a day only a period covered,
 * see README "Migration") gets a link to its month, where the period is listed.
 */
for (const note of document.querySelectorAll<HTMLElement>('[data-month-link]')) {
  const base = note.dataset.base ?? '/';
  const m = /\/(zh\/)?day\/(\d{4}-\d{2})-\d{2}\/?$/.exec(location.pathname);
  const link = note.querySelector('a');
  if (m && link && location.pathname.startsWith(base)) {
    link.href = `${base}${note.lang.startsWith('zh') ? 'zh/' : ''}month/${m[2]}/`;
    note.hidden = false;
  }
}
