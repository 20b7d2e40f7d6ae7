/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * civic-diary booking widget: the one script a portal embeds (a classic script, so the snippet
 * stays one tag):
 *   <script src="https://diar.example.cz/static/widget/civic-diary-booking.js" defer></script>
 *   <civic-diary-booking lang="cs"></civic-diary-booking>
 *
 * It loads the widget's ES module (./booking.js, which imports the shared kit) from where it came
 * from; the server rewrites the name to the module's content-hashed URL, cached for a year, so this
 * small file is all a portal revalidates. See booking.js for the attributes, events and theming.
 */
(() => {
  'use strict';

  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const from = script ? script.src : document.baseURI;
  import(new URL('./booking.js', from).href).catch((e) => {
    console.error('civic-diary: the booking widget could not load', e);
  });
})();
