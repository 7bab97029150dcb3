/** @module A report of our own for security tests: its title, source and text carry markup that must never run. */

/** A report of our own whose title and text try to run script in whoever displays them. */
export const HOSTILE_REPORT = [
  'Title: Drone alert <script>window.__pwned = "title-script"</script><img src=x onerror="window.__pwned = \'title-img\'">',
  'Source: Harbour Gazette <b>bold</b>',
  'Date: 2023-11-20',
  '',
  'A drone was seen over the harbour <script>window.__pwned = "text-script"</script> at dawn, the port authority said.',
  'Two ferries were held at the quay <img src=x onerror="window.__pwned = \'text-img\'"> for three hours before sailing.',
  '',
].join('\n');
