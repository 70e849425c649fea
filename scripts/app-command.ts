/** Node arguments that run the app's server (scripts/app-server.ts), for the launchers and the benchmark. */
export const APP_SERVER_ARGS = ["--import", "tsx", "scripts/app-server.ts"];
