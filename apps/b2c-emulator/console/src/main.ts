/**
 * The emulator console's entry point (bundled by `nx run b2c-emulator:build-console`): asks for
 * the admin key once per tab, then shows the tenants and, for the tenant chosen, its users,
 * lockouts and service limits and signing keys, with the clock and the outbox. Everything it
 * shows comes from the admin API and goes into the page as text.
 */
import { AdminApi } from './admin-api';
import { AdminKeyStore } from './admin-key';
import { ClockView } from './clock-view';
import type { ConsoleContext, ConsoleSection } from './console-context';
import { required } from './dom';
import { KeysView } from './keys-view';
import { OutboxView } from './outbox-view';
import { ProtectionView } from './protection-view';
import { StatusLine } from './status-line';
import { TenantsView } from './tenants-view';
import { UsersView } from './users-view';

const keyStore = new AdminKeyStore();
const keySection = required('key-section', HTMLElement);
const keyForm = required('key-form', HTMLFormElement);
const keyInput = required('admin-key', HTMLInputElement);
const keyMessage = required('key-message', HTMLParagraphElement);
const consoleArea = required('console', HTMLDivElement);
const forgetButton = required('forget-key', HTMLButtonElement);
const status = new StatusLine(required('status', HTMLParagraphElement));

let sections: readonly ConsoleSection[] = [];

/** Hides every value shown and asks for the key again, saying why. */
function askForKey(message: string): void {
  for (const section of sections) section.clear();
  consoleArea.hidden = true;
  forgetButton.hidden = true;
  keySection.hidden = false;
  keyMessage.textContent = message;
  keyInput.focus();
}

const api = new AdminApi(keyStore, () => {
  askForKey('The emulator refused the admin key (wrong, or it restarted with another one).');
});

// The tenants view is created last (it reloads the others); nothing asks it before that.
const context: ConsoleContext = { api, status, chosenTenant: () => tenants.chosenTenant() };

const users = new UsersView(context, (names) => {
  outbox.suggest(names);
});
const protection = new ProtectionView(context);
const keys = new KeysView(context, async () => {
  await tenants.refresh();
  await keys.refresh();
});
const clock = new ClockView(context);
const outbox = new OutboxView(context);

/** The sections that show the chosen tenant, loaded again when another is chosen. */
const tenantSections: readonly ConsoleSection[] = [users, protection, keys];

const tenants = new TenantsView(context, async () => {
  await Promise.all(tenantSections.map((section) => section.refresh()));
});
sections = [tenants, ...tenantSections, clock, outbox];

async function openConsole(): Promise<void> {
  keyMessage.textContent = '';
  await tenants.refresh();
  // Only once the key has been accepted: a refused one has already asked again.
  keySection.hidden = true;
  consoleArea.hidden = false;
  forgetButton.hidden = false;
  await Promise.all([...tenantSections, clock].map((section) => section.refresh()));
  status.say('Console ready.');
}

function open(): void {
  openConsole().catch((error: unknown) => {
    // A refused key has asked again already; anything else is shown beside the key form.
    if (keyStore.get() !== undefined) {
      keyMessage.textContent = error instanceof Error ? error.message : String(error);
    }
  });
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  // Into session storage and out of the page: the field is emptied at once.
  keyStore.remember(keyInput.value);
  keyInput.value = '';
  open();
});

forgetButton.addEventListener('click', () => {
  keyStore.forget();
  askForKey('The admin key is forgotten. Enter it again to continue.');
});

if (keyStore.get() === undefined) askForKey('');
else open();
