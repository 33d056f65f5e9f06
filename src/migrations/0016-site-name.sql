-- The public portal's name, set by the credit office (and by the demo); CREDLINK_SITE_NAME, when set, overrides it.
CREATE TABLE site_settings (
  key text PRIMARY KEY CHECK (key IN ('site_name')),
  value text NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
