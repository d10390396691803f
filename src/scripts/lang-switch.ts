/**
 * The language switch keeps where the reader is: the other language's page of the same path is in
 * the link already; this adds the current query (a search and its filters) and anchor (an event),
 * read at the moment the link is used, since the search page rewrites its URL as the reader types.
 */
const link = document.querySelector<HTMLAnchorElement>('a.lang-switch');
if (link) {
  const target = link.getAttribute('href')!.replace(/[?#].*$/, '');
  const sync = () => {
    link.href = `${target}${location.search}${location.hash}`;
  };
  sync();
  addEventListener('hashchange', sync);
  for (const type of ['pointerenter', 'focus', 'pointerdown', 'click', 'auxclick', 'contextmenu']) link.addEventListener(type, sync);
}
