import type { Delivery } from '#shared/domain/files';

/**
 * Finishes a file delivery in the page: in the browser harness the file waits behind a download
 * address (a save as download, or a new tab to view and print); the desktop app has already
 * saved or opened it. Returns a sentence for the notification, or null if the user cancelled.
 */
export function completeDelivery(delivery: Delivery): string | null {
  switch (delivery.kind) {
    case 'cancelled':
      return null;
    case 'saved':
      return `Saved ${delivery.fileName}.`;
    case 'opened':
      return `Opened ${delivery.fileName} to view and print.`;
    case 'download': {
      if (delivery.inline) {
        window.open(delivery.url, '_blank', 'noopener');
        return `Opened ${delivery.fileName} in a new tab to view and print.`;
      }
      const link = document.createElement('a');
      link.href = delivery.url;
      link.download = delivery.fileName;
      link.rel = 'noopener';
      document.body.appendChild(link);
      link.click();
      link.remove();
      return `Downloaded ${delivery.fileName}.`;
    }
  }
}
