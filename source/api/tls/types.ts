/** What the certificate probe saw, in the words the Certificate screen shows. */
export interface CertificateInfo {
  /** `host:port` the certificate was read from. */
  hostPort: string;
  host: string;
  port: number;
  subject: string;
  subjectCN?: string;
  /** subjectAltName entries as `DNS:name` / `IP Address:1.2.3.4`. */
  sans: string[];
  issuer: string;
  issuerCN?: string;
  validFrom: Date;
  validTo: Date;
  serial: string;
  /** `AB:CD:…`, 32 uppercase hex pairs, as `openssl x509 -noout -fingerprint -sha256` prints after `=`. */
  fingerprint256: string;
  selfSigned: boolean;
  /** Whether the certificate's names cover the host we asked for. */
  nameMatches: boolean;
  /** Node's verdict with the default trust store (`DEPTH_ZERO_SELF_SIGNED_CERT`, …), if any. */
  authorizationError?: string;
  /** The leaf certificate, PEM. Pinning stores exactly this. */
  pem: string;
}

/** One pinned certificate, like a line of ssh's known_hosts. */
export interface Pin {
  hostPort: string;
  pem: string;
  fingerprint256: string;
  /** ISO date of the first trust. */
  trustedAt: string;
}
