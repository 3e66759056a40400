/* The sidebar's entry point: bundled by scripts/sidebar-build.ts into dist/Sidebar.html. */
import { App } from './app';

function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const app = new App(root);
  // Kept reachable for debugging in the browser console; nothing reads it.
  (window as unknown as { boussole?: App }).boussole = app;
  void app.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
