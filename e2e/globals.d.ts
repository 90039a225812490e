// Brings the page's `window.umi` console API type into the tests' `page.evaluate` callbacks.
import type {} from '../app/console-api';
