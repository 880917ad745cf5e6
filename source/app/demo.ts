/** What the dashboard shows of the embedded demo server it started. */
export interface DemoInfo {
  server: string;
  username: string;
  password: string;
  fingerprint256: string;
  close(): Promise<void>;
}
