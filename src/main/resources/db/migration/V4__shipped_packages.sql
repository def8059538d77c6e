-- Packages as recorded at shipping (shipments jobs, pre-ship audits with tracking numbers), read by tracking number
-- when an invoice re-bills a package: a carrier's corrected weight or an address correction is judged against them.
CREATE TABLE shipped_packages (
    tracking_number VARCHAR(64) PRIMARY KEY,
    shipment_id VARCHAR(128),
    package_id VARCHAR(64),
    carrier VARCHAR(64),
    service VARCHAR(64),
    ship_date DATE,
    weight_lb DOUBLE PRECISION,
    length_in DOUBLE PRECISION,
    width_in DOUBLE PRECISION,
    height_in DOUBLE PRECISION,
    ship_to_street VARCHAR(256),
    ship_to_city VARCHAR(128),
    ship_to_state VARCHAR(64),
    ship_to_postal_code VARCHAR(32),
    ship_to_country VARCHAR(8),
    recorded_by VARCHAR(128) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
