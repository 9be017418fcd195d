// Zoneless, like the app: change detection runs from signals and `fixture.whenStable()`.
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();
