import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { showStartupFailure } from './app/shell/show-startup-failure';

bootstrapApplication(App, appConfig).catch(showStartupFailure);
