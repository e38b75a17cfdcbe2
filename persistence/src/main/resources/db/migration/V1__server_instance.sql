-- The one row that identifies this Tacit installation. Clients remember its id: a different id means the
-- server's database was replaced, and with it their registration, certificate and tokens.
CREATE TABLE server_instance (
    singleton  BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    instance_id UUID       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
