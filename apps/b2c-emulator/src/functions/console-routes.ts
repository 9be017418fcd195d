/**
 * The emulator console (console/, served at /.emulator/console) and the admin routes it reads
 * beyond the older ones: the tenant list and the identity-protection view. One import in main.ts.
 */
import './console-page-endpoint';
import './console-tenants-endpoint';
import './protection-admin-endpoints';
