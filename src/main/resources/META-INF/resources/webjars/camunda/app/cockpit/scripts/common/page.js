// A page of our own in Cockpit: its route (cockpit.route) and its entry in Cockpit's header
// (cockpit.navigation), which links to it and is marked while the page is open.

export function cockpitPage({ id, route, label, linkId, navigationPriority, render }) {
  return [
    {
      id: id + '.route',
      pluginPoint: 'cockpit.route',
      priority: 0,
      properties: { path: route },
      render
    },
    {
      id: id + '.navigation',
      pluginPoint: 'cockpit.navigation',
      priority: navigationPriority,
      properties: {
        path: route,
        label,
        checkActive: (url) => url.indexOf('#' + route) >= 0
      },
      render(node) {
        const link = document.createElement('a');
        link.href = '#' + route;
        link.id = linkId;
        link.textContent = label;
        node.appendChild(link);
      }
    }
  ];
}
