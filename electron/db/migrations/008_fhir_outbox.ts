import type { Migration } from './types';

/**
 * The outbox of signed screenings waiting to go to the clinic's FHIR server. Signing an exam
 * (first version or amendment) adds its row in the same transaction as the signature, so a
 * screening can never be signed yet forgotten by the sender, whatever happens to the network or
 * the app afterwards. The sender takes rows that are `queued` and due, marks them `sending` while
 * the request is out (a row still `sending` when the app starts was interrupted, and goes back to
 * `queued`), then `sent` with the server's id for the report, or back to `queued` with a later
 * `next_attempt_at` (server unreachable, busy or failing), or `failed` with the server's reason
 * when it refused the screening (only a person can decide what to do about that).
 */
export const migration008: Migration = {
  version: 8,
  name: 'FHIR server outbox',
  up(db) {
    db.exec(`
      CREATE TABLE fhir_outbox (
        exam_id          INTEGER PRIMARY KEY REFERENCES exam (id),
        status           TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        queued_at        TEXT NOT NULL,
        next_attempt_at  TEXT NOT NULL,
        last_attempt_at  TEXT,
        last_error       TEXT,
        sent_at          TEXT,
        server_id        TEXT
      ) STRICT;

      CREATE INDEX fhir_outbox_due ON fhir_outbox (next_attempt_at) WHERE status = 'queued';
    `);
  },
};
