/**
 * @ropc/telemetry/azure-monitor: Application Insights export with the Azure Monitor
 * OpenTelemetry distro, for the apps that ship it (its dependency tree is large; an app that
 * never exports to Application Insights leaves this entry out).
 */
export { startAzureMonitor } from './start-azure-monitor';
